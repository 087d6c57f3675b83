namespace HaLbDeploy.Core.Failover;

/// <summary>
/// A stretch without a successful probe: from the last success before it to the first success after it (or the
/// edge of the observed range), with the failures inside and the pauses of the prober itself.
/// </summary>
/// <param name="FirstFailedAt">When the first failed probe inside started; null when none failed.</param>
/// <param name="Pauses">Where the prober started no probe for more than <see cref="ProberPause.AfterIntervals"/> intervals.</param>
public sealed record ProbeWindow(DateTimeOffset Start, DateTimeOffset End, int FailedProbes, DateTimeOffset? FirstFailedAt, string? FirstFailure,
    IReadOnlyList<ProberPause> Pauses)
{
    public TimeSpan Duration => End - Start;

    /// <summary>How long the prober did not look inside this stretch.</summary>
    public TimeSpan Paused => Pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);

    /// <summary>
    /// The stretch without its pauses: how long the prober saw no success while it was looking. What a client saw
    /// of the VIP in this stretch is at least this (a failed probe is a failure) and not known for the pauses.
    /// </summary>
    public TimeSpan Observed => Duration - Paused;

    /// <summary>This stretch measured from <paramref name="start"/> at the earliest.</summary>
    public ProbeWindow From(DateTimeOffset start) => start <= Start ? this : this with
    {
        Start = start < End ? start : End,
        Pauses = Pauses.Select(p => p.From(start)).OfType<ProberPause>().ToList(),
    };
}
