using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FaultScriptsTests
{
    [Fact]
    public void Stop_stops_keepalived_and_its_restore_starts_it()
    {
        Assert.Contains("systemctl stop keepalived.service", FaultScripts.Fault(FailoverMode.Stop));
        Assert.Contains("systemctl start keepalived.service", FaultScripts.Restore(FailoverMode.Stop));
        Assert.Null(FaultScripts.Prepare(FailoverMode.Stop));
    }

    [Fact]
    public void Kill_haproxy_holds_off_systemds_restart_with_a_runtime_drop_in_before_the_kill()
    {
        var prepare = FaultScripts.Prepare(FailoverMode.KillHaproxy)!;

        Assert.StartsWith("/run/systemd/system/haproxy.service.d/", FaultScripts.HaproxyNoRestartDropIn);
        Assert.Contains($"printf '[Service]\\nRestart=no\\n' > {FaultScripts.HaproxyNoRestartDropIn}", prepare);
        Assert.Contains("systemctl daemon-reload", prepare);
        Assert.Contains("Restart=no ]", prepare);
        Assert.Contains("systemctl kill --signal=SIGKILL haproxy.service", FaultScripts.Fault(FailoverMode.KillHaproxy));
    }

    [Fact]
    public void The_kill_haproxy_restore_removes_the_drop_in_and_starts_haproxy_again()
    {
        var restore = FaultScripts.Restore(FailoverMode.KillHaproxy);

        Assert.Contains($"rm -f {FaultScripts.HaproxyNoRestartDropIn}", restore);
        Assert.True(restore.IndexOf("daemon-reload", StringComparison.Ordinal) < restore.IndexOf("systemctl start haproxy.service", StringComparison.Ordinal));
        Assert.Contains("systemctl reset-failed haproxy.service", restore);
    }

    [Theory]
    [InlineData(FailoverMode.LinkDown)]
    [InlineData(FailoverMode.PowerOff)]
    public void Link_and_power_faults_cannot_be_caused_over_ssh(FailoverMode mode)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultScripts.Fault(mode));

        Assert.Contains("--fault-command", error.Message);
        Assert.Throws<ArgumentException>(() => FaultScripts.Restore(mode));
    }

    [Fact]
    public void The_tracking_read_looks_for_the_rendered_track_file_and_the_drop_in_systemd_has_loaded()
    {
        var script = FaultScripts.ReadHaproxyTracking;
        var rendered = Rendering.Rendered.Directives(HaLbDeploy.Core.Rendering.ConfigurationRenderer.WithBuiltInTemplates()
            .Render(Rendering.ExampleInventory.Fast(), Rendering.ExampleInventory.Fast().Nodes[0], new() { KeepalivedVersion = "1:2.2.7-1+b2", InitialNamespaces = false })
            .File(HaLbDeploy.Core.Rendering.NodePaths.KeepalivedConfig).Content);

        Assert.Contains("grep -q '^vrrp_track_file haproxy_down ' /etc/keepalived/keepalived.conf", script);
        Assert.Contains(rendered, line => line.StartsWith("vrrp_track_file haproxy_down ", StringComparison.Ordinal));
        Assert.Contains("systemctl show -p DropInPaths haproxy.service 2>/dev/null | grep -qF /etc/systemd/system/haproxy.service.d/halb-track.conf", script);
        Assert.EndsWith("halb_tracking </dev/null\n", script);
    }

    [Theory]
    [InlineData("@@halb haproxy-track-file yes\n", true)]
    [InlineData("@@halb haproxy-track-file no\n", false)]
    [InlineData("", false)]
    public void The_tracking_reads_yes_only_when_the_node_says_so(string output, bool tracked) =>
        Assert.Equal(tracked, FaultScripts.TracksHaproxyByFile(output));

    [Fact]
    public void Every_script_reads_nothing_from_stdin_so_it_cannot_swallow_itself() =>
        Assert.All(new[] { FaultScripts.Fault(FailoverMode.Stop), FaultScripts.Restore(FailoverMode.KillHaproxy), FaultScripts.PrepareKillHaproxy },
            script => Assert.EndsWith("halb_fault </dev/null\n", script));
}
