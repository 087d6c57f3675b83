using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>
/// The restore-always guarantee of the runner, on the simulated tier: what is undone after an interruption or an
/// error at each point, and that nothing is faulted when the run stops before the fault.
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class FailoverTestRunnerRestoreTests
{
    private static SimulatedTier Tier() => new(["lb1", "lb2"], IPAddress.Parse("10.0.0.100"));

    private static async Task<FailoverTestReport> RunAsync(SimulatedTier tier, FailoverTestOptions options, ScriptedProgress progress, CancellationToken cancellationToken = default)
    {
        await using var sessions = new NodeSessions(new SimulatedConnector(tier));
        var probe = new SimulatedVipProbe(tier);
        var runner = new FailoverTestRunner(QuickRuns.TwoNodes, sessions, probe, probe, new ShellCommandRunner(), progress, TimeProvider.System, options);
        return await runner.RunAsync(cancellationToken);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_faults_nothing()
    {
        var tier = Tier();
        var progress = new ScriptedProgress();

        var report = await RunAsync(tier, QuickRuns.Options, progress, new CancellationToken(canceled: true));

        Assert.Equal(FailoverOutcome.Interrupted, report.Outcome);
        Assert.Equal("interrupted before the fault was injected; nothing was changed", report.Summary);
        Assert.DoesNotContain("stop lb1", tier.Changes);
        Assert.Null(report.Observation);
        Assert.Null(report.Analysis);
    }

    [Fact]
    public async Task An_interruption_after_the_preparation_undoes_it_and_injects_no_fault()
    {
        using var cancel = new CancellationTokenSource();
        var tier = Tier();
        var progress = new ScriptedProgress { OnReport = line => { if (line.StartsWith("[failover/lb1] prepare kill-haproxy", StringComparison.Ordinal)) cancel.Cancel(); } };

        var report = await RunAsync(tier, QuickRuns.Options with { Mode = FailoverMode.KillHaproxy }, progress, cancel.Token);

        var story = string.Join("\n", progress.Lines);
        Assert.Equal(FailoverOutcome.Interrupted, report.Outcome);
        Assert.Equal("interrupted before the fault was injected; nothing was changed", report.Summary);
        Assert.Equal(["prepare kill-haproxy lb1", "restore haproxy lb1"], tier.Changes);
        Assert.Contains("[failover/lb1] interrupted: restoring the node", progress.Lines);
        Assert.Contains("[failback/lb1] restore: systemctl start haproxy (drop-in removed)", progress.Lines);
        Assert.DoesNotContain(progress.Lines, l => l.StartsWith("[failover/lb1] fault (", StringComparison.Ordinal));
        Assert.DoesNotContain(progress.Lines, l => l.StartsWith("[verify/", StringComparison.Ordinal));
        Assert.True(report.Analysis is null && report.After is null, story);
    }

    [Fact]
    public async Task A_measurement_that_breaks_off_after_the_fault_still_restores_the_node()
    {
        var tier = Tier();
        var progress = new ScriptedProgress { OnReport = line => { if (line.StartsWith("[failover/*]", StringComparison.Ordinal)) throw new InvalidOperationException("the progress output broke"); } };

        var report = await RunAsync(tier, QuickRuns.Options, progress);

        var story = $"{report.Summary}\n{string.Join("\n", progress.Lines)}";
        Assert.Equal(["stop lb1", "start lb1"], tier.Changes);
        Assert.Contains("the failover phase broke off: the progress output broke", report.Errors);
        Assert.Contains("[failover/lb1] the test broke off (the progress output broke): restoring the node", progress.Lines);
        Assert.Contains("[failback/lb1] restore: systemctl start keepalived.service", progress.Lines);
        Assert.DoesNotContain(progress.Lines, l => l.StartsWith("[failback/*]", StringComparison.Ordinal));
        Assert.True(report.Analysis is not null && report.After is not null, story);
    }
}
