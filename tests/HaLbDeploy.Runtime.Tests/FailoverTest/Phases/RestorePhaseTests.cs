using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.FailoverTest.Phases;
using HaLbDeploy.Runtime.Tests.TestSupport;

namespace HaLbDeploy.Runtime.Tests.FailoverTest.Phases;

public sealed class RestorePhaseTests
{
    private static FailoverRun Run() => new(Inventories.Load(Inventories.Valid).Inventory!.Nodes[0], new FailoverTestOptions("lb1", FailoverMode.Stop, null));

    [Fact]
    public async Task After_an_interrupted_measurement_the_node_is_restored_without_the_cancelled_token()
    {
        var injector = new FakeFaultInjector();
        var progress = new RecordingProgress();
        var run = Run();
        run.Fault = FakeFaultInjector.Record("systemctl stop keepalived.service");
        run.Interrupted = true;

        await new RestorePhase(injector, progress).RunAsync(run, new CancellationToken(canceled: true));

        var (action, token) = Assert.Single(injector.Calls);
        Assert.Equal("restore", action);
        Assert.False(token.CanBeCanceled);
        Assert.Same(injector.Restored, run.Restore);
        Assert.Equal(["[failback/lb1] restore: systemctl start keepalived.service"], progress.Lines);
    }

    [Fact]
    public async Task A_preparation_without_a_fault_is_restored_too()
    {
        var injector = new FakeFaultInjector();
        var run = Run();
        run.Prepared = FakeFaultInjector.Record("prepare kill-haproxy: hold off systemd's restart of haproxy");

        await new RestorePhase(injector, new RecordingProgress()).RunAsync(run, CancellationToken.None);

        Assert.Equal(["restore"], injector.Calls.Select(c => c.Action));
    }

    [Fact]
    public async Task A_failed_restore_is_warned_about()
    {
        var injector = new FakeFaultInjector { Restored = FakeFaultInjector.Record("systemctl start keepalived.service", succeeded: false) };
        var progress = new RecordingProgress();
        var run = Run();
        run.Fault = FakeFaultInjector.Record("systemctl stop keepalived.service");

        await new RestorePhase(injector, progress).RunAsync(run, CancellationToken.None);

        Assert.Contains("[failback/lb1] the restore action FAILED, check the node: exit 1: it broke", progress.Lines);
    }

    [Fact]
    public async Task Nothing_is_restored_when_neither_a_preparation_nor_a_fault_happened()
    {
        var injector = new FakeFaultInjector();
        var progress = new RecordingProgress();

        await new RestorePhase(injector, progress).RunAsync(Run(), CancellationToken.None);

        Assert.Empty(injector.Calls);
        Assert.Empty(progress.Lines);
    }
}
