using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// Plans a retired node from its facts, pyinfra-style: keepalived stopped (first: a graceful stop sends priority 0,
/// so a backup takes the VIP within its skew time) and disabled, then haproxy, then every managed file that is
/// still there removed. A node with nothing of that left yields no change, so retiring is idempotent.
/// </summary>
public static class RetirementPlanner
{
    /// <summary>keepalived before haproxy: haproxy stopping first would put a VIP holder into FAULT, a hard (slower) handover.</summary>
    private static readonly string[] Units = ["keepalived", "haproxy"];

    public static RetirementPlan Plan(Inventory inventory, RetiredNode node, NodeFacts facts)
    {
        var changes = new List<Change>();
        foreach (var unit in Units)
        {
            var state = facts.Unit(unit);
            if (state is { ActiveState: not ("inactive" or "failed" or "") }) changes.Add(new Change(ChangeKind.StopUnit, unit, $"stop {unit}"));
            if (state is { Enabled: true }) changes.Add(new Change(ChangeKind.DisableUnit, unit, $"disable {unit}"));
        }
        foreach (var path in NodePaths.Managed.Where(p => facts.File(p) is { Exists: true }))
            changes.Add(new Change(ChangeKind.RemoveFile, path, $"{Path.GetFileName(path)} removed"));
        return new RetirementPlan(node, facts, changes, facts.HoldsAddress(inventory.Vip.Address));
    }
}
