using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>Opens firewalld for VRRP from the peers and the frontend port, removes our rules for former peers, and sets haproxy's SELinux boolean where the plan says so.</summary>
internal sealed class HostSettingsPhase(ApplyRun run) : IPhase
{
    private static readonly ChangeKind[] HostKinds = [ChangeKind.AllowFirewall, ChangeKind.RemoveFirewallRule, ChangeKind.SetSelinuxBoolean];

    public Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var needSettings = run.Nodes.Where(n => n.Plan!.Of(HostKinds).Any()).ToList();
        return run.Runner.ForEachAsync(needSettings, "host", ApplyAsync, cancellationToken);
    }

    private async Task<bool> ApplyAsync(NodeContext node, CancellationToken ct)
    {
        var result = await node.Session!.ChangeAsync("firewall and selinux", NodeScripts.HostSettings(node.Plan!), ct);
        if (!result.Succeeded) return run.Fail(node, $"firewall/SELinux settings failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        foreach (var change in node.Plan!.Of(HostKinds)) run.Progress.Report("host", node.Name, change.Summary);
        node.HostChanged = true;
        return true;
    }
}
