using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Planning;

namespace HaLbDeploy.Core.Tests.Scripts;

public sealed class TrackDropInActivationTests
{
    private static int Line(string[] lines, string line)
    {
        var at = Array.IndexOf(lines, line);
        Assert.True(at >= 0, $"no line `{line}` in:\n{string.Join('\n', lines)}");
        return at;
    }

    [Fact]
    public void A_new_drop_in_is_swapped_in_and_systemd_reloaded_before_any_unit_starts_or_reloads()
    {
        var lines = NodeScripts.Activate(TrackDropInPlans.DropInLands(), [6443]).Split('\n');

        var swap = Line(lines, $"mv -f '{NodePaths.HaproxyTrackDropIn}.halb-new' '{NodePaths.HaproxyTrackDropIn}' || rollback");
        var daemonReload = Line(lines, "systemctl daemon-reload || rollback");
        var keepalivedReload = Line(lines, "systemctl reload keepalived || rollback");
        Assert.True(swap < daemonReload && daemonReload < keepalivedReload, string.Join('\n', lines));
    }

    [Fact]
    public void The_track_file_is_set_from_haproxys_state_once_the_drop_in_counts_as_a_running_haproxy_never_ran_its_start_hook()
    {
        var lines = NodeScripts.Activate(TrackDropInPlans.DropInLands(), [6443]).Split('\n');

        var sync = Line(lines, "if systemctl is-active -q haproxy; then echo 0; else echo 1; fi > '/run/halb-haproxy-down' || rollback");
        Assert.True(sync > Line(lines, "systemctl daemon-reload || rollback"));
        Assert.True(sync < Line(lines, "systemctl reload keepalived || rollback"), "keepalived must read the file as it is now");
    }

    [Fact]
    public void A_rollback_after_a_new_drop_in_reloads_systemd_before_restarting_the_units()
    {
        var lines = NodeScripts.Activate(TrackDropInPlans.DropInLands(), [6443]).Split('\n');

        var rollback = Line(lines, "rollback() {");
        var reload = Array.IndexOf(lines, "  systemctl daemon-reload", rollback);
        var restart = Array.FindIndex(lines, rollback, l => l.Contains("systemctl restart", StringComparison.Ordinal));
        Assert.True(reload > rollback && reload < restart, string.Join('\n', lines));
    }

    [Fact]
    public void A_drop_in_the_inventory_no_longer_renders_goes_after_the_units_run_on_the_new_files_with_its_track_file()
    {
        var lines = NodeScripts.Activate(TrackDropInPlans.DropInGoes(), [6443]).Split('\n');

        var removal = Line(lines, $"rm -f '{NodePaths.HaproxyTrackDropIn}'");
        Assert.True(removal > Array.FindLastIndex(lines, l => l.StartsWith("wait_for '", StringComparison.Ordinal)), "a rollback to the old keepalived.conf still needs the drop-in");
        Assert.True(Line(lines, "systemctl daemon-reload || echo 'systemctl daemon-reload failed after removing a drop-in' >&2") > removal);
        Assert.True(Line(lines, "rm -f '/run/halb-haproxy-down'") > removal);
        Assert.True(Line(lines, "rmdir '/etc/systemd/system/haproxy.service.d' 2>/dev/null || true") > removal);
    }

    [Fact]
    public void Activations_that_touch_no_systemd_file_reload_no_systemd() =>
        Assert.DoesNotContain("daemon-reload", NodeScripts.Activate(PlanningFixtures.Plan(PlanningFixtures.Converged()), [6443]), StringComparison.Ordinal);
}
