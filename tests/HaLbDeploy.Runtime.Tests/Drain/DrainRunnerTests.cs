using HaLbDeploy.Core.Drain;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.Drain;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Tests.TestSupport;

namespace HaLbDeploy.Runtime.Tests.Drain;

public sealed class DrainRunnerTests
{
    private static readonly Inventory TwoNodes = Inventories.Load(Inventories.Valid).Inventory!;

    private readonly Dictionary<string, SimulatedHaproxySession> _nodes = new()
    {
        ["lb1"] = new SimulatedHaproxySession("lb1"),
        ["lb2"] = new SimulatedHaproxySession("lb2"),
    };

    private readonly RecordingProgress _progress = new();

    [Fact]
    public async Task Drain_sets_the_server_to_drain_on_every_node_and_waits_until_its_sessions_have_ended()
    {
        _nodes["lb1"].Sessions["m2"] = 3;
        _nodes["lb2"].Sessions["m2"] = 1;

        var report = await RunAsync(ServerAdminState.Drain, TimeSpan.FromSeconds(10));

        Assert.Equal(DrainOutcome.Done, report.Outcome);
        Assert.All(_nodes.Values, n => Assert.Equal(["set server kube-apiserver/m2 state drain"], n.Commands));
        Assert.All(report.Nodes, n => Assert.Equal(("DRAIN", 0L), (n.Server!.Status, n.Sessions!.Value)));
        Assert.Equal("UP", _nodes["lb1"].States["m1"]);
        Assert.Contains(_progress.Lines, l => l == "[drain/lb1] m2 is DRAIN, 3 sessions open");
        Assert.StartsWith("OK: m2 is drained on 2 nodes, no session left", report.Summary);
    }

    [Fact]
    public async Task Drain_with_sessions_that_stay_open_times_out_and_names_where_they_are()
    {
        _nodes["lb1"].Sessions["m2"] = 2;
        _nodes["lb1"].SessionsStay = true;

        var report = await RunAsync(ServerAdminState.Drain, TimeSpan.FromMilliseconds(200));

        Assert.Equal(DrainOutcome.SessionsRemain, report.Outcome);
        Assert.Equal(2, report.SessionsLeft);
        Assert.True(report.Waited >= TimeSpan.FromMilliseconds(200), $"waited {report.Waited}");
        Assert.Contains("2 sessions still open", report.Summary);
        Assert.Contains("(lb1 2)", report.Summary);
        Assert.Contains(_progress.Lines, l => l.StartsWith("[wait/*] sessions still open to m2: 2 (lb1 2, lb2 0)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drain_with_timeout_zero_does_not_wait_for_open_sessions()
    {
        _nodes["lb1"].Sessions["m2"] = 5;

        var report = await RunAsync(ServerAdminState.Drain, TimeSpan.Zero);

        Assert.Equal(DrainOutcome.SessionsRemain, report.Outcome);
        Assert.Equal(TimeSpan.Zero, report.Waited);
        Assert.Equal(5, _nodes["lb1"].Sessions["m2"]);
    }

    [Fact]
    public async Task Undrain_sets_the_server_ready_on_every_node_without_waiting()
    {
        foreach (var node in _nodes.Values) node.States["m2"] = "DRAIN";
        _nodes["lb1"].Sessions["m2"] = 4;

        var report = await RunAsync(ServerAdminState.Ready, TimeSpan.Zero);

        Assert.Equal(DrainOutcome.Done, report.Outcome);
        Assert.All(_nodes.Values, n => Assert.Equal(["set server kube-apiserver/m2 state ready"], n.Commands));
        Assert.All(_nodes.Values, n => Assert.Equal("UP", n.States["m2"]));
        Assert.Equal("OK: m2 is back in rotation (undrained) on 2 nodes", report.Summary);
    }

    [Fact]
    public async Task A_node_whose_haproxy_refuses_fails_the_drain_and_the_report_says_which_nodes_took_it()
    {
        _nodes["lb2"].Refusal = "No such server.";

        var report = await RunAsync(ServerAdminState.Drain, TimeSpan.FromSeconds(10));

        Assert.Equal(DrainOutcome.Failed, report.Outcome);
        Assert.Equal("FAILED on lb2: haproxy answered: No such server.; lb1 took it (run again, or the opposite command)", report.Summary);
    }

    [Fact]
    public async Task When_another_run_holds_the_tier_nothing_is_changed_and_every_lock_taken_is_released()
    {
        _nodes["lb2"].RunLock.HeldByAnother = "apply by ops@admin since 10:00";

        var report = await RunAsync(ServerAdminState.Drain, TimeSpan.FromSeconds(10));

        Assert.Equal(DrainOutcome.Failed, report.Outcome);
        Assert.StartsWith("FAILED on lb2: another halb-deploy run holds the tier", report.Summary);
        Assert.EndsWith("; nothing was changed", report.Summary);
        Assert.All(_nodes.Values, n => Assert.Empty(n.Commands));
        Assert.Equal(1, _nodes["lb1"].RunLock.Releases);
    }

    private async Task<DrainReport> RunAsync(ServerAdminState state, TimeSpan timeout)
    {
        await using var sessions = new NodeSessions(new Connector(_nodes));
        var options = new DrainOptions("m2", state, timeout) { PollInterval = TimeSpan.FromMilliseconds(10) };
        return await new DrainRunner(TwoNodes, sessions, _progress, TimeProvider.System, options).RunAsync(CancellationToken.None);
    }

    private sealed class Connector(Dictionary<string, SimulatedHaproxySession> nodes) : IHostConnector
    {
        public Task<IHostSession> ConnectAsync(LbNode node, CancellationToken cancellationToken) => Task.FromResult<IHostSession>(nodes[node.Name]);
    }
}
