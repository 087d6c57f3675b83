using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Planning;

/// <summary>What happened on one node.</summary>
/// <param name="Retired">A node of `retired_nodes`: its changes take it out of service.</param>
public sealed record NodeRunResult(string Node, NodeOutcome Outcome, IReadOnlyList<Change> Changes, string? Error = null, bool HoldsVip = false, bool Retired = false)
{
    /// <summary>`--upgrade` only: the packages that move (plan) or moved (apply) on the node; null without --upgrade.</summary>
    public IReadOnlyList<PackageUpgrade>? Upgrades { get; init; }

    /// <summary>With `packages.pin`: the packages held (apply) or to hold (plan) at their versions.</summary>
    public IReadOnlyList<PackageHold> Holds { get; init; } = [];

    /// <summary>Holds of halb-deploy's whose pin is gone: released (apply) or to release (plan).</summary>
    public IReadOnlyList<PackageRelease> Releases { get; init; } = [];
}
