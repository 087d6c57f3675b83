using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>Opens firewalld for VRRP and the frontend port and sets haproxy's SELinux boolean where the plan says so.</summary>
internal sealed class HostSettingsPhase(ApplyRun run) : IPhase
{
    public Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var needSettings = run.Nodes.Where(n => n.Plan!.Of(ChangeKind.AllowFirewall, ChangeKind.SetSelinuxBoolean).Any()).ToList();
        return run.Runner.ForEachAsync(needSettings, "host", ApplyAsync, cancellationToken);
    }

    private async Task<bool> ApplyAsync(NodeContext node, CancellationToken ct)
    {
        var result = await node.Session!.ChangeAsync("firewall and selinux", NodeScripts.HostSettings(node.Plan!), ct);
        if (!result.Succeeded) return run.Fail(node, $"firewall/SELinux settings failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        foreach (var change in node.Plan!.Of(ChangeKind.AllowFirewall, ChangeKind.SetSelinuxBoolean)) run.Progress.Report("host", node.Name, change.Summary);
        node.HostChanged = true;
        return true;
    }
}
