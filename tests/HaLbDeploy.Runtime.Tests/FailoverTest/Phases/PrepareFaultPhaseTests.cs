using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.FailoverTest.Phases;
using HaLbDeploy.Runtime.Tests.TestSupport;

namespace HaLbDeploy.Runtime.Tests.FailoverTest.Phases;

public sealed class PrepareFaultPhaseTests
{
    private const string Preparation = "prepare kill-haproxy: hold off systemd's restart of haproxy";

    private static FailoverRun Run() => new(Inventories.Load(Inventories.Valid).Inventory!.Nodes[0], new FailoverTestOptions("lb1", FailoverMode.KillHaproxy, null));

    [Fact]
    public async Task A_failed_preparation_is_undone_at_once_and_ends_the_run_as_failed()
    {
        var injector = new FakeFaultInjector { Prepared = FakeFaultInjector.Record(Preparation, succeeded: false) };
        var run = Run();

        await new PrepareFaultPhase(injector, new RecordingProgress()).RunAsync(run, CancellationToken.None);

        Assert.Equal(["prepare", "restore"], injector.Calls.Select(c => c.Action));
        Assert.Equal(FailoverOutcome.Failed, run.Report!.Outcome);
        Assert.Equal($"FAIL: {Preparation}: exit 1: it broke", run.Report.Summary);
        Assert.Null(run.Prepared);
    }

    [Fact]
    public async Task An_interruption_during_the_preparation_undoes_it_and_ends_the_run_with_nothing_changed()
    {
        var injector = new FakeFaultInjector { Prepared = FakeFaultInjector.Record(Preparation) };
        var run = Run();

        await new PrepareFaultPhase(injector, new RecordingProgress()).RunAsync(run, new CancellationToken(canceled: true));

        Assert.Equal(["prepare", "restore"], injector.Calls.Select(c => c.Action));
        Assert.False(injector.Calls[1].Token.CanBeCanceled);
        Assert.Equal(FailoverOutcome.Interrupted, run.Report!.Outcome);
        Assert.Equal("interrupted before the fault was injected; nothing was changed", run.Report.Summary);
    }

    [Fact]
    public async Task A_good_preparation_is_kept_for_the_restore_and_the_run_goes_on()
    {
        var injector = new FakeFaultInjector { Prepared = FakeFaultInjector.Record(Preparation) };
        var progress = new RecordingProgress();
        var run = Run();

        await new PrepareFaultPhase(injector, progress).RunAsync(run, CancellationToken.None);

        Assert.Equal(["prepare"], injector.Calls.Select(c => c.Action));
        Assert.Same(injector.Prepared, run.Prepared);
        Assert.Null(run.Report);
        Assert.Equal([$"[failover/lb1] {Preparation}"], progress.Lines);
    }
}
