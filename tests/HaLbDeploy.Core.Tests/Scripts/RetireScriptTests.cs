using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Planning;

namespace HaLbDeploy.Core.Tests.Scripts;

public sealed class RetireScriptTests
{
    private static readonly IPAddress Vip = PlanningFixtures.Inventory.Vip.Address;

    private static string ScriptFor(HaLbDeploy.Core.Facts.NodeFacts facts) =>
        RetireScript.Build(RetirementPlanner.Plan(PlanningFixtures.Inventory, new RetiredNode("lb9", IPAddress.Parse("10.0.0.19"), null!), facts), Vip);

    [Fact]
    public void Keepalived_stops_and_the_vip_is_released_before_haproxy_stops_and_the_files_go()
    {
        var script = ScriptFor(PlanningFixtures.Converged());

        var stopKeepalived = script.IndexOf("systemctl stop keepalived", StringComparison.Ordinal);
        var release = script.IndexOf($"ip addr del", StringComparison.Ordinal);
        var stopHaproxy = script.IndexOf("systemctl stop haproxy", StringComparison.Ordinal);
        var remove = script.IndexOf("rm -f '/etc/keepalived/keepalived.conf'", StringComparison.Ordinal);
        Assert.True(stopKeepalived >= 0 && stopKeepalived < release && release < stopHaproxy && stopHaproxy < remove, script);
        Assert.Contains($"grep -F ' {Vip}/'", script);
        Assert.Contains("systemctl disable -q keepalived", script);
        Assert.Contains("if systemctl is-active -q keepalived; then echo 'keepalived is still active' >&2; exit 1; fi", script);
    }

    [Fact]
    public void A_fast_node_loses_its_track_drop_in_and_systemd_forgets_it()
    {
        var script = ScriptFor(TrackDropInPlans.DropInGoes().Facts);

        var remove = script.IndexOf("rm -f '/etc/systemd/system/haproxy.service.d/halb-track.conf'", StringComparison.Ordinal);
        Assert.True(remove > script.IndexOf("systemctl stop haproxy", StringComparison.Ordinal), script);
        Assert.True(script.IndexOf("systemctl daemon-reload", StringComparison.Ordinal) > remove, script);
        Assert.Contains("rm -f '/run/halb-haproxy-down'", script);
    }

    [Fact]
    public void A_node_without_the_drop_in_reloads_no_systemd() =>
        Assert.DoesNotContain("daemon-reload", ScriptFor(PlanningFixtures.Converged()), StringComparison.Ordinal);

    [Fact]
    public void The_script_is_valid_sh()
    {
        var sh = TestSupport.ExternalCommand.Locate("sh");
        Assert.NotNull(sh);
        var result = TestSupport.ExternalCommand.Run(sh, ["-n", "-c", ScriptFor(PlanningFixtures.Converged())]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
