using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Planning;

/// <summary>What apply must do to take one retired node out of service; no changes: it is retired already.</summary>
/// <param name="HoldsVip">The node holds the tier's VIP now: stopping its keepalived hands the VIP over.</param>
public sealed record RetirementPlan(RetiredNode Node, NodeFacts Facts, IReadOnlyList<Change> Changes, bool HoldsVip)
{
    public bool HasChanges => Changes.Count > 0;

    public IEnumerable<Change> Of(params ChangeKind[] kinds) => Changes.Where(c => kinds.Contains(c.Kind));

    public bool Touches(ChangeKind kind, string target) => Changes.Any(c => c.Kind == kind && c.Target == target);
}
