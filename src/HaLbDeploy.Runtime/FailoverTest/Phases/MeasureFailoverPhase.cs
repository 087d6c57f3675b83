using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// Starts the samplers and the prober, lets them record the state before for the lead time, injects the fault and
/// waits until the failover has settled or its time is up. Never throws: an interruption or an error is noted in
/// the run, so that the restore after it always runs.
/// </summary>
internal sealed class MeasureFailoverPhase(
    Inventory inventory, NodeSessions sessions, IVipProbe probe, IFaultInjector injector, IRunProgress progress, TimeProvider time,
    IReadOnlyList<(IPAddress Address, IVipProbe Probe)>? otherAddresses = null) : IFailoverPhase
{
    public string Name => "measure failover";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        run.Loops = new ObservationLoops(inventory, sessions, probe, run.Scenario, run.Options, run.Clocks, time, otherAddresses);
        run.Start = time.GetUtcNow();
        run.Loops.Start(injector.CutsTheNodeOff);
        try
        {
            await Task.Delay(run.Options.Lead, time, cancellationToken);
            var fault = await InjectAsync(run, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            await WaitForFailoverAsync(run, fault, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            run.Interrupted = true;
            progress.Warn("failover", run.Node.Name, "interrupted: restoring the node");
        }
        catch (Exception e)
        {
            run.Broken = true;
            run.AddError($"the failover phase broke off: {e.Message}");
            progress.Warn("failover", run.Node.Name, $"the test broke off ({e.Message}): restoring the node");
        }
    }

    private async Task<FaultActionRecord> InjectAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        var node = run.Node;
        progress.Report("failover", node.Name, $"fault ({FailoverModeNames.Name(run.Options.Mode)}): {FaultActionText.Fault(run.Options, node)}");
        var fault = await injector.InjectAsync(cancellationToken);
        run.Fault = fault;
        if (!fault.Succeeded) progress.Warn("failover", node.Name, $"the fault action failed: {fault.Detail}");
        return fault;
    }

    private async Task WaitForFailoverAsync(FailoverRun run, FaultActionRecord fault, CancellationToken cancellationToken)
    {
        var scenario = run.Scenario;
        var expectation = FailoverExpectations.Failover(scenario, fault);
        // A node the fault cuts off has no fresh samples until it is restored: the others decide.
        var required = scenario.Nodes.Select(n => n.Name).Where(n => !injector.CutsTheNodeOff || n != scenario.FaultedNode).ToList();
        var deadline = expectation.Deadline(run.Options.PhaseSlack);
        var settled = await new SettleWait(time, run.Options.StableFor)
            .UntilSettledAsync(() => run.Loops.Timeline(fault), required, expectation, deadline, cancellationToken);
        var holders = CurrentHolders(run.Loops.Timeline(fault), required);
        progress.Report("failover", "*", settled
            ? $"settled: {string.Join(", ", holders)} holds the VIP"
            : $"not settled within {TimeText.Seconds(deadline - fault.StartedAt)}; restoring anyway");
    }

    /// <summary>The holders at the latest moment all required nodes have samples for.</summary>
    private static IReadOnlyList<string> CurrentHolders(HolderTimeline timeline, IReadOnlyList<string> required)
    {
        var covered = required.Select(timeline.LastSampleOf).Where(t => t is not null).Select(t => t!.Value).ToList();
        return covered.Count == 0 ? [] : timeline.HoldersAt(covered.Min());
    }
}
