using System.Net;
using System.Text;
using HaLbDeploy.Core.Planning;
using static HaLbDeploy.Core.Scripts.ScriptKit;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Takes a retired node out of service as its <see cref="RetirementPlan"/> says, run as root: keepalived stopped
/// first (a graceful stop sends priority 0, so a backup takes the VIP at once) and disabled, then haproxy; a VIP
/// address still on an interface once keepalived is down is removed (it would answer beside the new holder);
/// then the managed files go, with any staged or backup copies of ours. Exits non-zero if keepalived still runs.
/// </summary>
public static class RetireScript
{
    public const string Description = "retire node";

    private const string Main = "halb_retire";

    /// <summary>How long the script waits for keepalived to drop the VIP itself before removing it, in 0.1 s ticks.</summary>
    private const int VipReleaseTicks = 50;

    public static string Build(RetirementPlan plan, IPAddress vip)
    {
        var script = new StringBuilder(ChangePrelude).Append("trap '' HUP PIPE\n");
        foreach (var change in plan.Changes.Where(c => c.Kind is ChangeKind.StopUnit or ChangeKind.DisableUnit))
        {
            script.Append(change.Kind == ChangeKind.StopUnit
                ? $"systemctl stop {change.Target} || {{ echo 'stopping {change.Target} failed' >&2; exit 1; }}\n"
                : $"systemctl disable -q {change.Target} || {{ echo 'disabling {change.Target} failed' >&2; exit 1; }}\n");
            if (change is { Kind: ChangeKind.StopUnit, Target: "keepalived" }) AppendVipRelease(script, vip);
        }
        if (!plan.Touches(ChangeKind.StopUnit, "keepalived")) AppendVipRelease(script, vip);
        var removed = plan.Of(ChangeKind.RemoveFile).Select(c => c.Target).ToList();
        foreach (var path in removed)
            script.Append($"rm -f {Quote(path)} {Quote(path + NodeScripts.StagedSuffix)} {Quote(path + NodeScripts.BackupSuffix)}\n");
        // haproxy is stopped by now
        NodeScripts.AppendAfterRemovals(script, removed);
        script.Append("if systemctl is-active -q keepalived; then echo 'keepalived is still active' >&2; exit 1; fi\n");
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return AsFunction(Main, script.ToString());
    }

    private static void AppendVipRelease(StringBuilder script, IPAddress vip)
    {
        var held = $"ip -o -4 addr show 2>/dev/null | grep -qF ' {vip}/'";
        script.Append($"i=0\nwhile {held} && [ \"$i\" -lt {VipReleaseTicks} ]; do i=$((i + 1)); sleep 0.1; done\n");
        script.Append($"ip -o -4 addr show 2>/dev/null | grep -F ' {vip}/' | while read -r _ dev _ cidr _; do ip addr del \"$cidr\" dev \"$dev\"; done\n");
    }
}
