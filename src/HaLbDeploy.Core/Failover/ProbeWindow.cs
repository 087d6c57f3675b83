namespace HaLbDeploy.Core.Failover;

/// <summary>
/// A stretch without a successful probe: from the last success before it to the first success after it (or the
/// edge of the observed range), with the failures inside.
/// </summary>
/// <param name="FirstFailedAt">When the first failed probe inside started; null when none failed.</param>
public sealed record ProbeWindow(DateTimeOffset Start, DateTimeOffset End, int FailedProbes, DateTimeOffset? FirstFailedAt, string? FirstFailure)
{
    public TimeSpan Duration => End - Start;
}
