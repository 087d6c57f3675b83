namespace HaLbDeploy.Core.Failover;

/// <summary>
/// A node's clock relative to the control host's, measured like the facts' clock reading (the node's time against
/// the midpoint of the round trip). The estimate is good to half the round trip, <see cref="Uncertainty"/>; an
/// offset smaller than that cannot be told from zero and is not applied (nodes synced by NTP, or containers on the
/// control host, share its clock to well under a millisecond).
/// </summary>
public sealed record NodeClock(string Node, TimeSpan MeasuredOffset, TimeSpan Uncertainty)
{
    public static NodeClock Same(string node) => new(node, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>How far the node's clock is taken to be ahead of the control host's.</summary>
    public TimeSpan AppliedOffset => MeasuredOffset.Duration() > Uncertainty ? MeasuredOffset : TimeSpan.Zero;

    /// <summary>A node timestamp (Unix epoch, ns) on the control host's clock.</summary>
    public DateTimeOffset ToControlTime(long epochNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(epochNanoseconds / 100) - AppliedOffset;

    public DateTimeOffset ToControlTimeFromMilliseconds(long epochMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds) - AppliedOffset;
}
