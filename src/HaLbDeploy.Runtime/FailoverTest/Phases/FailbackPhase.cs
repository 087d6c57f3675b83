using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// After a restore that followed a completed failover measurement: waits until the VIP is where it should end up
/// (with preempt: back on the highest priority) or the phase's time is up.
/// </summary>
internal sealed class FailbackPhase(bool faultCutsTheNodeOff, IRunProgress progress, TimeProvider time) : IFailoverPhase
{
    public string Name => "wait for failback";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        if (run.Fault is not { } fault || run.Restore is not { } restore || run.Interrupted || run.Broken) return;
        try
        {
            await WaitForFailbackAsync(run, fault, restore, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            run.Interrupted = true;
        }
    }

    private async Task WaitForFailbackAsync(FailoverRun run, FaultActionRecord fault, FaultActionRecord restore, CancellationToken cancellationToken)
    {
        var scenario = run.Scenario;
        var atRestore = run.Loops.Timeline(fault).HoldersAt(restore.StartedAt);
        var expectation = FailoverExpectations.Failback(scenario, atRestore.Count == 1 ? atRestore[0] : scenario.ExpectedTakeover.Name, restore);
        // A node that was cut off may first have to come back (boot, sshd) before it can take the VIP back.
        var slack = run.Options.PhaseSlack + (faultCutsTheNodeOff ? run.Options.RestoreAllowance : TimeSpan.Zero);
        var deadline = expectation.Deadline(slack);
        var required = scenario.Nodes.Select(n => n.Name).ToList();
        var settled = await new SettleWait(time, run.Options.StableFor)
            .UntilSettledAsync(() => run.Loops.Timeline(fault), required, expectation, deadline, cancellationToken);
        var expected = expectation.ExpectedHolder;
        progress.Report("failback", "*", settled
            ? $"settled: {expected} holds the VIP"
            : $"not settled within {TimeText.Seconds(deadline - restore.StartedAt)} ({expected} expected to hold the VIP)");
    }
}
