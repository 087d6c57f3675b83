namespace HaLbDeploy.Core.Failover;

/// <summary>
/// A stretch in which the control host started no probe although the prober should have started one every
/// interval: from one interval after a probe's start to the next probe's start. The prober was not looking, so the
/// stretch says nothing of the VIP (a busy control host starves the prober's timer and its probes alike).
/// </summary>
public sealed record ProberPause(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Two probe starts further apart than this many intervals leave a pause between them.</summary>
    public const int AfterIntervals = 3;

    public TimeSpan Duration => End - Start;

    /// <summary>The pause between two consecutive probe starts, or null when they are close enough.</summary>
    public static ProberPause? Between(DateTimeOffset earlier, DateTimeOffset later, TimeSpan interval) =>
        later - earlier > AfterIntervals * interval ? new ProberPause(earlier + interval, later) : null;

    /// <summary>The part of this pause after <paramref name="start"/>; null when none is.</summary>
    public ProberPause? From(DateTimeOffset start) =>
        End <= start ? null : Start >= start ? this : this with { Start = start };
}
