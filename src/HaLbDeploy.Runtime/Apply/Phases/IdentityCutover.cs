using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// The rollout of an identity change (old and new nodes are in different VRRP groups and cannot hear each other),
/// see docs/operations.md "Identity changes": everything is staged already; every backup switches to the new group
/// at the same time (none holds the VIP, and each waits a full master-down interval before it would claim it);
/// right after, the holder switches with state MASTER, so it takes the VIP in the new group at once and the
/// backups hear it before their timers run out. Then every node is waited for until it is healthy.
/// </summary>
internal sealed class IdentityCutover(ApplyRun run, Func<NodeContext, CutoverTakeover?, CancellationToken, Task<bool>> activate)
{
    private const string Phase = "rollout";

    /// <summary>The one node to switch last, holding the old or the new VIP; null when none or several hold it.</summary>
    public static NodeContext? HolderOf(ApplyRun run, IReadOnlyList<NodeContext> nodes)
    {
        var holders = run.Nodes.Where(run.HoldsOldOrNewVip).ToList();
        return holders.Count == 1 && nodes.Contains(holders[0]) ? holders[0] : null;
    }

    public async Task<bool> RunAsync(IReadOnlyList<NodeContext> nodes, NodeContext holder, CancellationToken ct)
    {
        var backups = nodes.Where(n => n != holder).ToList();
        run.Progress.Report(Phase, "*", $"identity cutover: {BackupsFirst(backups)}, then the VIP holder {holder.Name} taking the VIP in the new group at once");
        var started = run.Time.GetTimestamp();
        var switched = await Task.WhenAll(backups.Select(n => run.Runner.GuardAsync(n, Phase, () => activate(n, null, ct))));
        if (switched.Any(ok => !ok)) return await StopAsync(nodes, "a backup did not switch; the holder keeps the VIP in the old group: run apply again to finish the cutover");
        var backupsDone = run.Time.GetElapsedTime(started);
        var takeover = new CutoverTakeover(run.Inventory.Vip.Address, holder.Node.Interface);
        if (!await run.Runner.GuardAsync(holder, Phase, () => activate(holder, takeover, CancellationToken.None)))
            return await StopAsync(nodes, "the holder did not switch");
        run.Progress.Report(Phase, "*", $"backups switched in {backupsDone.TotalMilliseconds:0} ms, holder {holder.Name} switched {run.Time.GetElapsedTime(started).TotalMilliseconds:0} ms after the backups began");
        var health = new HealthWait(run);
        foreach (var node in nodes)
        {
            if (!await run.Runner.GuardAsync(node, Phase, () => health.WaitAsync(node, ct))) return await StopAsync(nodes, null);
            node.Outcome = NodeOutcome.Changed;
        }
        return true;
    }

    /// <summary>Nodes that switched keep the new configuration, the rest keep their old one (their staged files go).</summary>
    private async Task<bool> StopAsync(IReadOnlyList<NodeContext> nodes, string? why)
    {
        if (why is not null) run.AddError($"identity cutover stopped: {why}");
        foreach (var node in nodes.Where(n => n.Outcome is null && !n.Staged)) node.Outcome = NodeOutcome.Changed;
        await StagedFiles.DiscardAsync(run.Nodes.Where(n => n.Outcome is null));
        return false;
    }

    /// <summary>What switches first: "no backup", one backup by name, or several "together".</summary>
    private static string BackupsFirst(IReadOnlyList<NodeContext> backups) => backups.Count switch
    {
        0 => "no backup",
        1 => backups[0].Name,
        _ => string.Join(", ", backups.Select(n => n.Name)) + " together",
    };
}
