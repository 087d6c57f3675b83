using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Opens firewalld for VRRP from the peers and the frontend port and sets haproxy's SELinux boolean where the plan
/// says so; or, as the <paramref name="removals"/> pass after the retired nodes stopped, removes our rules for
/// former peers. Removed earlier, a retired VIP holder's adverts (its priority-0 goodbye too) would be dropped while
/// it still holds the VIP, and a member would take the VIP beside it after a master-down interval.
/// </summary>
internal sealed class HostSettingsPhase(ApplyRun run, bool removals = false) : IPhase
{
    private readonly ChangeKind[] _kinds = removals ? [ChangeKind.RemoveFirewallRule] : [ChangeKind.AllowFirewall, ChangeKind.SetSelinuxBoolean];

    public Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var needSettings = run.Nodes.Where(n => n.Plan!.Of(_kinds).Any()).ToList();
        return run.Runner.ForEachAsync(needSettings, "host", ApplyAsync, cancellationToken);
    }

    private async Task<bool> ApplyAsync(NodeContext node, CancellationToken ct)
    {
        var plan = node.Plan! with { Changes = node.Plan.Of(_kinds).ToList() };
        var result = await node.Session!.ChangeAsync("firewall and selinux", NodeScripts.HostSettings(plan), ct);
        if (!result.Succeeded) return run.Fail(node, $"firewall/SELinux settings failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        foreach (var change in plan.Of(_kinds)) run.Progress.Report("host", node.Name, change.Summary);
        node.HostChanged = true;
        return true;
    }
}
