using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>failover-test takes the tier's run lock on every node before it injects any fault, and releases it at the end.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class FailoverTestRunnerRunLockTests
{
    private const string OtherRun = "run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z";

    private static SimulatedTier Tier() => new(["lb1", "lb2"], IPAddress.Parse("10.0.0.100"));

    private static async Task<FailoverTestReport> RunAsync(SimulatedTier tier)
    {
        await using var sessions = new NodeSessions(new SimulatedConnector(tier));
        var probe = new SimulatedVipProbe(tier);
        var runner = new FailoverTestRunner(QuickRuns.TwoNodes, sessions, probe, probe, new ShellCommandRunner(), new ScriptedProgress(), TimeProvider.System, QuickRuns.Options);
        return await runner.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failover_test_refuses_to_fault_while_another_run_holds_the_lock_on_any_node_and_names_the_holder()
    {
        var tier = Tier();
        tier.RunLockOf("lb2").HeldByAnother = OtherRun;

        var report = await RunAsync(tier);

        Assert.Equal(FailoverOutcome.PreconditionFailed, report.Outcome);
        Assert.Equal($"not started: lb2: {TierRunLock.Refusal(OtherRun)}", report.Summary);
        Assert.Empty(tier.Changes);
        Assert.True(tier.KeepalivedActive("lb1"));
        Assert.Equal(1, tier.RunLockOf("lb1").Releases);
    }

    [Fact]
    public async Task A_failover_test_holds_the_lock_on_every_node_while_it_runs_and_releases_it_at_the_end()
    {
        var tier = Tier();

        var report = await RunAsync(tier);

        Assert.NotEqual(FailoverOutcome.PreconditionFailed, report.Outcome);
        Assert.All(tier.Nodes, n => Assert.Equal((1, 1), (tier.RunLockOf(n).Requests, tier.RunLockOf(n).Releases)));
    }
}
