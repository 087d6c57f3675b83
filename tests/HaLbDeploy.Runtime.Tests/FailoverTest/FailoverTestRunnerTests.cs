using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Runtime.Tests.TestSupport;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>
/// The runner against a tier simulated in memory, on the real clock with short windows (a few seconds per test).
/// The probe-gap judgement is left out of the assertions: on a busy shared machine the test process itself can
/// pause for half a second, which the analyzer (rightly) counts as a gap. <see cref="FailoverAnalyzerTests"/> pins it.
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class FailoverTestRunnerTests
{
    private static SimulatedTier Tier(TimeSpan? takeover = null, string? alsoHolding = null, Action? onFault = null) =>
        new(["lb1", "lb2"], IPAddress.Parse("10.0.0.100"))
        {
            Takeover = takeover ?? TimeSpan.FromMilliseconds(200),
            AlsoHolding = alsoHolding,
            OnFault = onFault,
        };

    private static async Task<(FailoverTestReport Report, RecordingProgress Progress)> RunAsync(SimulatedTier tier, FailoverTestOptions options, CancellationToken cancellationToken = default)
    {
        var progress = new RecordingProgress();
        await using var sessions = new NodeSessions(new SimulatedConnector(tier));
        var probe = new SimulatedVipProbe(tier);
        var runner = new FailoverTestRunner(QuickRuns.TwoNodes, sessions, probe, probe, new ShellCommandRunner(), progress, TimeProvider.System, options);
        return (await runner.RunAsync(cancellationToken), progress);
    }

    private static void AssertVipMeasurementsPassed(FailoverTestReport report)
    {
        var vip = report.Analysis!.Failover.Measurements.Concat(report.Analysis.Failback!.Measurements).Where(m => !m.Name.StartsWith("longest gap", StringComparison.Ordinal));
        Assert.All(vip, m => Assert.True(m.Passed, $"{m.Name}: {m.Detail}"));
    }

    [Fact]
    public async Task A_graceful_stop_of_the_holder_is_measured_and_restored_and_the_vip_moves_within_its_bounds()
    {
        var tier = Tier();

        var (report, progress) = await RunAsync(tier, QuickRuns.Options);

        // On failure, say everything the run said: this test runs on the real clock, so a failure on a busy machine
        // must be readable from the CI log alone.
        var story = $"{report.Summary}\n{string.Join("\n", progress.Lines)}";
        Assert.True(report.Outcome is FailoverOutcome.Passed or FailoverOutcome.Failed, story);
        AssertVipMeasurementsPassed(report);
        Assert.Equal(["stop lb1", "start lb1"], tier.Changes);
        var takeover = report.Analysis!.Failover.Measurements.Single(m => m.Name == "lb2 took the VIP over");
        // 200 ms simulated; dated by the first sample that shows it, later only if a busy machine delayed a sampler run
        Assert.True(takeover.Value!.Value >= TimeSpan.FromMilliseconds(150) && takeover.Value.Value <= takeover.Bound!.Value, $"takeover {takeover.Value} outside 150 ms..{takeover.Bound}\n{story}");
        Assert.True(report.Analysis.Failback!.HoldersAtEnd.SequenceEqual(["lb1"]), $"holders at the end: {string.Join(", ", report.Analysis.Failback.HoldersAtEnd)}\n{story}");
        Assert.True(report.After!.Healthy, $"after: {report.After.Summary}\n{story}");
        Assert.True(progress.Lines.Contains("[failover/*] settled: lb2 holds the VIP"), story);
    }

    [Fact]
    public async Task A_run_interrupted_while_waiting_for_the_takeover_still_restores_the_node()
    {
        using var cancel = new CancellationTokenSource();
        var tier = Tier(takeover: TimeSpan.FromDays(1), onFault: () => cancel.CancelAfter(TimeSpan.FromMilliseconds(300)));

        var (report, _) = await RunAsync(tier, QuickRuns.Options, cancel.Token);

        Assert.Equal(FailoverOutcome.Interrupted, report.Outcome);
        Assert.Equal(["stop lb1", "start lb1"], tier.Changes);
        Assert.StartsWith("interrupted; the node was restored", report.Summary);
    }

    [Fact]
    public async Task A_takeover_that_never_comes_fails_after_the_phase_time_and_the_node_is_restored()
    {
        var tier = Tier(takeover: TimeSpan.FromDays(1));

        var (report, _) = await RunAsync(tier, QuickRuns.Options);

        Assert.Equal(FailoverOutcome.Failed, report.Outcome);
        Assert.StartsWith("FAIL: a backup took the VIP over", report.Summary);
        Assert.Equal(["stop lb1", "start lb1"], tier.Changes);
    }

    [Fact]
    public async Task An_unhealthy_tier_is_not_faulted_at_all()
    {
        var tier = Tier(alsoHolding: "lb2");

        var (report, _) = await RunAsync(tier, QuickRuns.Options);

        Assert.Equal(FailoverOutcome.PreconditionFailed, report.Outcome);
        Assert.Contains("split brain: lb1, lb2 hold the VIP", report.Summary);
        Assert.Empty(tier.Changes);
        Assert.Null(report.Analysis);
    }

    [Fact]
    public async Task A_fault_on_the_backup_shows_the_vip_did_not_move()
    {
        var tier = Tier();

        var (report, _) = await RunAsync(tier, QuickRuns.Options with { NodeName = "lb2" });

        AssertVipMeasurementsPassed(report);
        Assert.True(report.Analysis!.Failover.Measurements[0].Passed);
        Assert.Equal("the VIP stayed on lb1 (lb2 did not hold it)", report.Analysis.Failover.Measurements[0].Name);
        Assert.Equal(["stop lb2", "start lb2"], tier.Changes);
    }
}
