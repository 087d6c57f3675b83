using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Status;
using HaLbDeploy.Core.Tests.Verification;

namespace HaLbDeploy.Core.Tests.Status;

public sealed class TierStatusScriptTests
{
    [Fact]
    public void The_script_reads_the_transition_log_and_the_clock_besides_what_verify_reads()
    {
        var script = TierStatusScript.Build();

        Assert.Contains($"tail -n {NodePaths.TransitionLogLines} \"$halb_log\"", script);
        Assert.Contains($"halb_log='{NodePaths.VrrpTransitionLog}'", script);
        Assert.Contains("date +%s%N", script);
        Assert.Contains("show stat", script);
        Assert.EndsWith("exit 0\n", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rm ")]
    [InlineData("mv ")]
    [InlineData("systemctl restart")]
    [InlineData("systemctl reload")]
    [InlineData("systemctl stop")]
    [InlineData(">>")]
    [InlineData("set server")]
    [InlineData("disable server")]
    public void The_script_changes_nothing_on_the_node(string change) =>
        Assert.DoesNotContain(change, TierStatusScript.Build(), StringComparison.Ordinal);

    [Fact]
    public void The_reading_carries_the_node_clock_its_transitions_the_servers_last_change_and_the_sessions()
    {
        var log = new[] { StatusRecordings.Line(StatusRecordings.Clock.AddMinutes(-10), "BACKUP"), StatusRecordings.Line(StatusRecordings.Clock.AddMinutes(-9), "MASTER") };

        var reading = TierStatusScript.Parse("lb1", RecordedStatus.LabVip, StatusRecordings.With(RecordedStatus.HolderWithApi2Down, StatusRecordings.Clock, log));

        Assert.Equal(StatusRecordings.Clock, reading.Clock);
        Assert.True(reading.LogFound);
        Assert.Equal(["BACKUP", "MASTER"], reading.Transitions.Select(t => t.State));
        Assert.Equal(StatusRecordings.Clock.AddMinutes(-9), reading.Transitions[1].At);
        Assert.True(reading.Status.HoldsVip);
        Assert.Null(reading.Status.Error);
        var api2 = reading.Status.Backends.Single(b => b.Server == "api2");
        Assert.Equal((2L, 0L), (api2.SecondsSinceChange, api2.CurrentSessions));
        Assert.Equal(93L, reading.Status.Backends.Single(b => b.Server == "api1").SecondsSinceChange);
        Assert.Equal([("kube-apiserver", (long?)0)], reading.Frontends);
    }

    [Fact]
    public void Both_units_come_from_one_systemctl_show_and_a_missing_unit_says_not_found()
    {
        var script = TierStatusScript.Build();
        const string Units = "@@halb units\nId=keepalived.service\nLoadState=loaded\nUnitFileState=enabled\nActiveState=failed\nSubState=failed\n\n" +
                             "Id=haproxy.service\nLoadState=not-found\nUnitFileState=\nActiveState=inactive\nSubState=dead\n@@halb units-end\n@@halb end\n";

        var reading = TierStatusScript.Parse("lb1", RecordedStatus.LabVip, Units);

        Assert.Single(script.Split('\n'), l => l.Contains("systemctl", StringComparison.Ordinal));
        Assert.DoesNotContain(NodePaths.HaproxyCheckScript, script, StringComparison.Ordinal);
        Assert.Equal(("enabled", "failed"), (reading.Status.Keepalived.Enabled, reading.Status.Keepalived.Active));
        Assert.Equal(("not-found", "unknown"), (reading.Status.Haproxy.Enabled, reading.Status.Haproxy.Active));
    }

    [Fact]
    public void A_node_without_a_log_yet_says_so_and_has_no_transitions()
    {
        var reading = TierStatusScript.Parse("lb2", RecordedStatus.LabVip, StatusRecordings.With(RecordedStatus.Backup, StatusRecordings.Clock, log: null));

        Assert.False(reading.LogFound);
        Assert.Empty(reading.Transitions);
        Assert.Equal(StatusRecordings.Clock, reading.Clock);
    }

    [Fact]
    public void Output_cut_short_is_an_error_of_the_node_not_an_exception()
    {
        var reading = TierStatusScript.Parse("lb1", RecordedStatus.LabVip, "@@halb verify 1\nunit keepalived enabled active\n");

        Assert.NotNull(reading.Status.Error);
        Assert.Null(reading.Clock);
        Assert.False(reading.LogFound);
    }
}
