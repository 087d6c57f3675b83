namespace HaLbDeploy.Runtime.Apply;

/// <param name="DryRun">Plan only: read facts and compute changes, change nothing.</param>
/// <param name="Parallelism">How many nodes are connected to, read and staged at once.</param>
/// <param name="HealthTimeout">How long to wait, after a node changed, for its services and exactly one VIP holder.</param>
/// <param name="ClockSkewWarning">Warn when a node's clock is further than this from the control host's.</param>
public sealed record ConvergeOptions(bool DryRun = false, int Parallelism = 8, TimeSpan? HealthTimeout = null, TimeSpan? ClockSkewWarning = null)
{
    public TimeSpan HealthTimeoutOrDefault => HealthTimeout ?? TimeSpan.FromSeconds(30);

    public TimeSpan ClockSkewWarningOrDefault => ClockSkewWarning ?? TimeSpan.FromSeconds(2);
}
