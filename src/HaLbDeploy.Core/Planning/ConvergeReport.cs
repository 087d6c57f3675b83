using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Planning;

/// <summary>The result of a plan or apply run over all nodes.</summary>
public sealed record ConvergeReport(bool DryRun, IReadOnlyList<NodeRunResult> Nodes, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, TimeSpan Elapsed, RolloutDecision? Rollout = null)
{
    /// <summary>The rollout the plan chose (apply used it, plan would).</summary>
    public RolloutDecision RolloutUsed => Rollout ?? RolloutDecision.Rolling;

    public bool Succeeded => Errors.Count == 0 && Nodes.All(n => n.Outcome is not (NodeOutcome.Failed or NodeOutcome.Untouched));

    public bool HasPendingChanges => Nodes.Any(n => n.Outcome == NodeOutcome.Pending);

    public int ChangeCount => Nodes.Sum(n => n.Changes.Count);

    /// <summary>What the plan says about nodes joining and retiring, and whether the VIP moves for them (see <see cref="MembershipForecast"/>).</summary>
    public IReadOnlyList<string> Membership { get; init; } = [];

    /// <summary>`--upgrade` only: the VIP holder's upgrade as the VIP's clients saw it; null when the holder was not upgraded.</summary>
    public PlannedFailover? PlannedFailover { get; init; }

    public bool HasPendingUpgrades => Nodes.Any(n => n.Upgrades is { Count: > 0 } || n.Holds.Count > 0 || n.Releases.Count > 0);
}
