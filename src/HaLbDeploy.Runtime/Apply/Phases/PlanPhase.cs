using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Plans every node from its facts and reports each change (or "no change"). A changed file's current text is
/// read from the node so the change carries a diff, and keepalived.conf's tells whether the VRRP identity changes:
/// that decides the tier's <see cref="RolloutDecision"/>.
/// </summary>
internal sealed class PlanPhase(ApplyRun run) : IPhase
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        if (!await PlanAsync(run.Nodes, cancellationToken)) return false;
        var fast = run.Inventory.Vrrp.Profile == VrrpProfile.Fast;
        if (fast) run.Progress.Report("plan", "*", FailoverBounds.Summary(run.Inventory, TrackFileOnAll()));
        foreach (var node in run.Nodes)
        {
            if (fast) run.Progress.Report("plan", node.Name, HaproxyTracking.Describe(node.Facts, run.Inventory.Vrrp.TrackIntervalSeconds));
            foreach (var change in node.Plan!.Changes) run.Progress.Report("plan", node.Name, change.ToString());
            if (!node.Plan.HasChanges) run.Progress.Report("plan", node.Name, "no change");
        }
        foreach (var retired in run.Retired)
        {
            retired.Plan = RetirementPlanner.Plan(run.Inventory, retired.Node, retired.Facts);
            foreach (var change in retired.Plan.Changes) run.Progress.Report("plan", retired.Name, change.ToString());
            if (!retired.Plan.HasChanges) run.Progress.Report("plan", retired.Name, "retired: nothing left to do");
        }
        run.Membership = MembershipForecast.Lines(run.Inventory, run.Nodes.Select(n => n.Plan!).ToList(), run.Retired.Select(r => r.Plan!).ToList());
        foreach (var line in run.Membership) run.Progress.Report("plan", "*", line);
        run.Rollout = RolloutDecision.For(run.Nodes.Select(n => n.Plan!));
        if (run.Nodes.Any(n => n.Plan!.HasChanges)) run.Progress.Report("plan", "*", $"rollout: {run.Rollout.Describe()}");
        return true;
    }

    /// <summary>
    /// Whether every node gets the track file (true), none does (false), or it differs between them or is not known
    /// yet (null): a node without keepalived gets it once the packages are in, from the version installed then.
    /// </summary>
    private bool? TrackFileOnAll()
    {
        var tracked = run.Nodes.Select(n => n.Facts.KeepalivedVersion is null ? (bool?)null : HaproxyTracking.UsesTrackFile(run.Inventory, n.Facts)).Distinct().ToList();
        return tracked.Count == 1 ? tracked[0] : null;
    }

    /// <summary>Plans these nodes (again, from fresh facts), without reporting the plans.</summary>
    public Task<bool> PlanAsync(IReadOnlyList<NodeContext> nodes, CancellationToken cancellationToken) =>
        run.Runner.ForEachAsync(nodes, "plan", PlanNodeAsync, cancellationToken);

    private async Task<bool> PlanNodeAsync(NodeContext node, CancellationToken ct)
    {
        if (run.Options.RenderWithFacts is { } render && run.Inventory.Vrrp.Profile == VrrpProfile.Fast)
            node.Desired = render(node.Node, node.Facts);
        var planner = new NodePlanner(run.Inventory, run.Masker);
        var plan = planner.Plan(node.Desired, node.Facts);
        var changed = plan.Of(ChangeKind.UpdateFile).Select(c => c.Target).ToList();
        if (changed.Count > 0)
        {
            var read = await node.Session!.ReadAsync("read changed files", NodeScripts.ReadFiles(changed), ct);
            var current = read.Succeeded ? NodeScripts.ParseFiles(read.StandardOutput) : new Dictionary<string, string>();
            plan = planner.Plan(node.Desired, node.Facts, path => current.GetValueOrDefault(path));
        }
        node.Plan = plan;
        return true;
    }
}
