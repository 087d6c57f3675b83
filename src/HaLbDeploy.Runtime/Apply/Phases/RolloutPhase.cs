using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Activates the staged configuration one node at a time in <see cref="RolloutOrder"/> (the VIP holder last),
/// waiting after each until it is healthy. The first node that fails stops the rollout: the nodes after it keep
/// their old configuration and their staged files are removed. Nodes with nothing to activate get their outcome
/// first: changed when packages or host settings were applied, else unchanged. An identity change goes through
/// <see cref="IdentityCutover"/> instead when one node holds the VIP (with none, nothing is served and rolling is safe).
/// </summary>
internal sealed class RolloutPhase(ApplyRun run) : IPhase
{
    private const string Phase = "rollout";

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var order = RolloutOrder.For(run.Nodes.Where(n => n.NeedsActivation).Select(n => n.Node), HoldsVip, Joins);
        foreach (var node in run.Nodes.Where(n => !n.NeedsActivation))
            node.Outcome = node.HostChanged ? NodeOutcome.Changed : NodeOutcome.Unchanged;
        var activated = order.Select(run.Find).ToList();
        if (run.Rollout.Strategy == RolloutStrategy.IdentityCutover && IdentityCutover.HolderOf(run, activated) is { } holder)
            return await new IdentityCutover(run, ActivateAsync).RunAsync(activated, holder, cancellationToken);
        var cold = IsCold(order);
        if (order.Count > 0) run.Progress.Report(Phase, "*", OrderLine(order, cold));
        var health = new HealthWait(run);
        foreach (var lbNode in order)
        {
            var node = run.Find(lbNode);
            var takeover = cold && lbNode == order[0] ? new CutoverTakeover(run.Inventory.Vip.Address, lbNode.Interface) : null;
            if (!await run.Runner.GuardAsync(node, Phase, () => ActivateAsync(node, takeover, cancellationToken))
                || !await run.Runner.GuardAsync(node, Phase, () => health.WaitAsync(node, cancellationToken)))
            {
                node.Outcome = NodeOutcome.Failed;
                await StagedFiles.DiscardAsync(run.Nodes.Where(n => n.Outcome is null));
                return false;
            }
            node.Outcome = NodeOutcome.Changed;
        }
        return true;
    }

    private bool HoldsVip(LbNode node) => run.HoldsVip(run.Find(node));

    /// <summary>keepalived does not run there yet: the node joins the group when it starts.</summary>
    private bool Joins(LbNode node) => run.Find(node).Plan!.Touches(ChangeKind.StartUnit, "keepalived");

    /// <summary>
    /// A cold tier: keepalived runs on no node of the inventory yet and none holds the VIP, so nothing is served and
    /// nobody would answer the first node's adverts. Started as usual it would wait a whole master-down interval
    /// (3 x advert_int + skew: 3.6 s with the defaults) before taking the VIP; the first node therefore starts the way
    /// an identity cutover's holder does (<see cref="NodeScripts.Activate"/>'s takeover: state MASTER, priority 255),
    /// takes the VIP at once and reloads into its own priority before the next node starts.
    /// </summary>
    private bool IsCold(IReadOnlyList<LbNode> order) =>
        order.Count > 0 && run.Nodes.All(n => n.NeedsActivation && Joins(n.Node) && !run.HoldsVip(n));

    private string OrderLine(IReadOnlyList<LbNode> order, bool cold) =>
        $"order: {string.Join(", ", order.Select(n => n.Name))} ({(order.Any(HoldsVip) ? (order.Any(Joins) ? "the VIP holder after the other members, then the joining nodes" : "VIP holder last") : "highest priority first: none of them holds the VIP")}" +
        (cold ? $"; {order[0].Name} takes it at once, no node runs keepalived yet)" : ")");

    private async Task<bool> ActivateAsync(NodeContext node, CutoverTakeover? takeover, CancellationToken ct)
    {
        foreach (var change in node.ConfigurationChanges) run.Progress.Report("configs", node.Name, change.ToString());
        // Once the swap has started it must finish or roll back on the node: a Ctrl+C does not cut it in half.
        var script = NodeScripts.Activate(node.Plan!, run.Inventory.FrontendPorts, takeover: takeover);
        var result = await node.Session!.ChangeAsync("activate configuration", script, CancellationToken.None);
        node.Staged = false;
        if (result.ExitCode == ScriptMarkers.ExitRolledBack)
            return run.Fail(node, $"the services did not come up with the new configuration; the previous configuration was restored and restarted: {ScriptOutput.Tail(result.StandardError)}");
        if (!result.Succeeded) return run.Fail(node, $"activating the configuration failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        ct.ThrowIfCancellationRequested();
        return true;
    }
}
