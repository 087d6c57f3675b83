using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.FailoverTest.Phases;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.Tests.FailoverTest.Phases;

public sealed class ReadClocksPhaseTests
{
    private static async Task<FailoverRun> RunAsync(FailoverMode mode, bool trackFile)
    {
        var tier = new SimulatedTier(["lb1", "lb2"], IPAddress.Parse("10.0.0.100")) { TrackFile = trackFile };
        await using var sessions = new NodeSessions(new SimulatedConnector(tier));
        var run = new FailoverRun(QuickRuns.TwoNodes.Nodes[0], QuickRuns.Options with { Mode = mode }) { HolderBefore = "lb1" };
        await new ReadClocksPhase(QuickRuns.TwoNodes, sessions, TimeProvider.System).RunAsync(run, CancellationToken.None);
        return run;
    }

    [Fact]
    public async Task A_kill_haproxy_run_on_a_node_with_the_track_file_is_judged_by_the_track_files_bound()
    {
        var run = await RunAsync(FailoverMode.KillHaproxy, trackFile: true);

        Assert.True(run.Scenario.Timing.TrackFile);
    }

    [Fact]
    public async Task A_kill_haproxy_run_on_a_node_without_it_keeps_the_check_scripts_bound()
    {
        var run = await RunAsync(FailoverMode.KillHaproxy, trackFile: false);

        Assert.False(run.Scenario.Timing.TrackFile);
    }

    [Fact]
    public async Task Other_modes_do_not_ask_the_node_how_haproxy_is_tracked()
    {
        var run = await RunAsync(FailoverMode.Stop, trackFile: true);

        Assert.False(run.Scenario.Timing.TrackFile);
    }
}
