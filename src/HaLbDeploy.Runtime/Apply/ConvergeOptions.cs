namespace HaLbDeploy.Runtime.Apply;

/// <param name="DryRun">Plan only: read facts and compute changes, change nothing.</param>
/// <param name="Parallelism">How many nodes are connected to, read and staged at once.</param>
/// <param name="HealthTimeout">How long to wait, after a node changed, for its services and exactly one VIP holder.</param>
/// <param name="ClockSkewWarning">Warn when a node's clock is further than this from the control host's.</param>
public sealed record ConvergeOptions(bool DryRun = false, int Parallelism = 8, TimeSpan? HealthTimeout = null, TimeSpan? ClockSkewWarning = null)
{
    /// <summary>
    /// Renders a node again once its facts are in (the fast profile's haproxy tracking depends on the node's
    /// keepalived, see <see cref="Core.Rendering.HaproxyTracking"/>); null keeps the configurations as given.
    /// </summary>
    public Func<Core.Model.LbNode, Core.Facts.NodeFacts, Core.Rendering.NodeConfiguration>? RenderWithFacts { get; init; }

    /// <summary>
    /// `--upgrade`: read the installed and candidate versions of keepalived and haproxy, and (apply) move every node
    /// to the newer ones, backups first, the VIP holder last after handing the VIP over (see UpgradePhase).
    /// </summary>
    public bool Upgrade { get; init; }

    public TimeSpan HealthTimeoutOrDefault => HealthTimeout ?? TimeSpan.FromSeconds(30);

    public TimeSpan ClockSkewWarningOrDefault => ClockSkewWarning ?? TimeSpan.FromSeconds(2);
}
