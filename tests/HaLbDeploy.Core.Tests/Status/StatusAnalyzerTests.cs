using HaLbDeploy.Core.Status;
using HaLbDeploy.Core.Tests.Rendering;
using HaLbDeploy.Core.Tests.Verification;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Status;

public sealed class StatusAnalyzerTests
{
    private static readonly DateTimeOffset Now = StatusRecordings.Clock;

    [Fact]
    public void The_holder_holds_the_vip_since_its_last_transition_into_master_and_the_moves_are_counted_per_window()
    {
        var lb1 = Reading("lb1", RecordedStatus.HolderWithApi2Down,
            Line(-2 * 3600, "MASTER"), Line(-50, "FAULT"), Line(-40, "BACKUP"), Line(-30.25, "MASTER"));
        var lb2 = Reading("lb2", RecordedStatus.Backup, Line(-2 * 3600, "BACKUP"), Line(-47, "MASTER"), Line(-31, "BACKUP"));

        var report = StatusAnalyzer.Analyze(ExampleInventory.Load(), [lb1, lb2, Reading("lb3", RecordedStatus.Backup)], Now);

        Assert.Equal(["lb1"], report.VipHolders);
        Assert.Equal(Now.AddSeconds(-30.25), report.HolderSince);
        Assert.Equal((2, 3), (report.VipMovesLastHour, report.VipMovesLastDay));
        var node1 = report.Nodes[0];
        Assert.Equal(("MASTER", Now.AddSeconds(-30.25), 3, 4, 1, false), (node1.VrrpState, node1.StateSince, node1.TransitionsLastHour, node1.TransitionsLastDay, node1.MasterEntriesLastHour, node1.Flapping));
        Assert.Equal(("BACKUP", 2, 1), (report.Nodes[1].VrrpState, report.Nodes[1].TransitionsLastHour, report.Nodes[1].MasterEntriesLastHour));
        Assert.Equal("UNKNOWN", report.Nodes[2].VrrpState);
        Assert.True(report.Healthy, string.Join("\n", report.Problems));
    }

    [Fact]
    public void Taking_the_vip_three_times_in_an_hour_is_flapping_and_a_problem()
    {
        var lb1 = Reading("lb1", RecordedStatus.HolderWithApi2Down,
            Line(-3000, "MASTER"), Line(-2900, "BACKUP"), Line(-2000, "MASTER"), Line(-1900, "BACKUP"), Line(-100, "MASTER"));

        var report = StatusAnalyzer.Analyze(ExampleInventory.Load(), [lb1, Reading("lb2", RecordedStatus.Backup), Reading("lb3", RecordedStatus.Backup)], Now);

        Assert.True(report.Nodes[0].Flapping);
        Assert.Equal(StatusAnalyzer.FlappingMasterEntries, report.Nodes[0].MasterEntriesLastHour);
        Assert.Contains("lb1: flapping: took the VIP 3 times in the last hour", report.Problems);
    }

    [Fact]
    public void Two_entries_in_an_hour_and_one_more_an_hour_and_a_half_ago_are_not_flapping()
    {
        var lb1 = Reading("lb1", RecordedStatus.HolderWithApi2Down, Line(-5400, "MASTER"), Line(-3000, "BACKUP"), Line(-2000, "MASTER"), Line(-1900, "BACKUP"), Line(-100, "MASTER"));

        var report = StatusAnalyzer.Analyze(ExampleInventory.Load(), [lb1, Reading("lb2", RecordedStatus.Backup), Reading("lb3", RecordedStatus.Backup)], Now);

        Assert.False(report.Nodes[0].Flapping);
        Assert.Equal((2, 3), (report.Nodes[0].MasterEntriesLastHour, report.VipMovesLastDay));
        Assert.True(report.Healthy, string.Join("\n", report.Problems));
    }

    [Fact]
    public void The_windows_end_at_the_node_clock_not_at_the_control_host_clock()
    {
        var lb1 = Reading("lb1", RecordedStatus.HolderWithApi2Down, Line(-3500, "MASTER"));

        var report = StatusAnalyzer.Analyze(ExampleInventory.Load(), [lb1, Reading("lb2", RecordedStatus.Backup), Reading("lb3", RecordedStatus.Backup)], Now.AddMinutes(10));

        Assert.Equal(1, report.Nodes[0].TransitionsLastHour);
    }

    [Fact]
    public void No_holder_a_split_brain_and_an_unread_node_are_problems()
    {
        var none = StatusAnalyzer.Analyze(ExampleInventory.Load(), [Reading("lb1", RecordedStatus.Backup), Reading("lb2", RecordedStatus.Backup), NodeReading.Unreachable("lb3", "connection refused")], Now);
        var two = StatusAnalyzer.Analyze(ExampleInventory.Load(), [Reading("lb1", RecordedStatus.HolderWithApi2Down), Reading("lb2", RecordedStatus.HolderWithApi2Down), Reading("lb3", RecordedStatus.Backup)], Now);

        Assert.Equal(["no node holds the VIP", "lb3: not read: connection refused"], none.Problems);
        Assert.Equal(["2 nodes hold the VIP (split brain): lb1, lb2"], two.Problems);
        Assert.False(none.Healthy);
        Assert.Null(two.HolderSince);
    }

    [Fact]
    public void A_stopped_unit_and_a_haproxy_without_a_server_up_are_problems()
    {
        var lb2 = Reading("lb2", RecordedStatus.Backup);
        lb2 = lb2 with
        {
            Status = lb2.Status with
            {
                Haproxy = new ServiceStatus("haproxy", "enabled", "inactive"),
                Backends = lb2.Status.Backends.Select(b => b with { Status = "DOWN" }).ToList(),
            },
        };

        var report = StatusAnalyzer.Analyze(ExampleInventory.Load(), [Reading("lb1", RecordedStatus.HolderWithApi2Down), lb2, Reading("lb3", RecordedStatus.Backup)], Now);

        Assert.Equal(["lb2: haproxy is inactive", "lb2: haproxy has no backend server up"], report.Problems);
    }

    [Fact]
    public void A_server_last_changed_at_the_node_clock_minus_its_lastchg_seconds()
    {
        var report = StatusAnalyzer.Analyze(ExampleInventory.Load(), [Reading("lb1", RecordedStatus.HolderWithApi2Down), Reading("lb2", RecordedStatus.Backup), Reading("lb3", RecordedStatus.Backup)], Now);

        var api2 = report.Nodes[0].Servers.Single(s => s.Server == "api2");
        Assert.Equal(("kube-apiserver", "DOWN", false, "DOWN (L7STS 500)", Now.AddSeconds(-2), (long?)0), (api2.Backend, api2.Status, api2.Up, api2.Described, api2.LastChange, api2.CurrentSessions));
    }

    [Fact]
    public void Transitions_of_other_instances_are_listed_but_not_counted()
    {
        var lb1 = Reading("lb1", RecordedStatus.HolderWithApi2Down, Line(-100, "MASTER"), StatusRecordings.Line(Now.AddSeconds(-50), "MASTER", name: "VI_other"));

        var report = StatusAnalyzer.Analyze(ExampleInventory.Load(), [lb1, Reading("lb2", RecordedStatus.Backup), Reading("lb3", RecordedStatus.Backup)], Now);

        Assert.Equal((1, 1, 2), (report.Nodes[0].TransitionsLastHour, report.VipMovesLastHour, report.Nodes[0].Recent.Count));
        Assert.Equal(Now.AddSeconds(-100), report.HolderSince);
    }

    private static string Line(double secondsBefore, string state) => StatusRecordings.Line(Now.AddSeconds(secondsBefore), state);

    private static NodeReading Reading(string node, string recording, params string[] log) =>
        TierStatusScript.Parse(node, RecordedStatus.LabVip, StatusRecordings.With(recording, Now, log));
}
