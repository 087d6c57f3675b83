using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.FailoverTest.Phases;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Verify;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// failover-test: takes the tier's run lock on every node, checks the tier is healthy, starts a VIP sampler on every node and a prober on the control host,
/// injects the fault, waits until a backup holds the VIP (or the phase's time is up), restores the node — always,
/// also after an error or Ctrl+C — waits for the failback the same way, verifies again, and hands the series to
/// <see cref="FailoverAnalyzer"/>. Every wait and loop is bounded by <see cref="FailoverTestOptions.MaxDuration"/>.
/// <paramref name="verifyProbe"/> is verify's patient probe; <paramref name="probe"/> the quick one probed every interval.
/// <paramref name="otherAddresses"/>: the other addresses of the faulted sync group (the IPv6 half of a dual-stack
/// pair) with their quick probes, sampled, probed and judged beside the main address.
/// </summary>
public sealed class FailoverTestRunner(
    Inventory inventory,
    NodeSessions sessions,
    IVipProbe verifyProbe,
    IVipProbe probe,
    ILocalCommandRunner localCommands,
    IRunProgress progress,
    TimeProvider time,
    FailoverTestOptions options,
    INeighbourTable? neighbours = null,
    IReadOnlyList<(IPAddress Address, IVipProbe Probe)>? otherAddresses = null)
{
    public async Task<FailoverTestReport> RunAsync(CancellationToken cancellationToken)
    {
        var node = inventory.Nodes.FirstOrDefault(n => n.Name == options.NodeName)
            ?? throw new ArgumentException($"no node named {options.NodeName} in the inventory", nameof(options));
        var run = new FailoverRun(node, options);
        try
        {
            return await FailoverPhaseSequence.RunAsync(Phases(node), run, cancellationToken);
        }
        finally
        {
            await TierRunLock.ReleaseAllAsync(run.RunLocks);
        }
    }

    /// <summary>In the order they run; see <see cref="FailoverPhaseSequence"/> for what happens after an error.</summary>
    private IReadOnlyList<IFailoverPhase> Phases(LbNode node)
    {
        var verifier = new Verifier(inventory, sessions, verifyProbe, time, neighbours);
        IFaultInjector injector = options.Hooks is { } hooks
            ? new CommandHookFaultInjector(hooks, node, localCommands, time)
            : new SshFaultInjector(options.Mode, async ct => await sessions.GetAsync(node, ct), time);
        return
        [
            new RunLockPhase(inventory, sessions, progress, time),
            new PreflightPhase(verifier, progress),
            new ReadClocksPhase(inventory, sessions, time),
            new PrepareFaultPhase(injector, progress),
            new MeasureFailoverPhase(inventory, sessions, probe, injector, progress, time, otherAddresses),
            new RestorePhase(injector, progress),
            new FailbackPhase(injector.CutsTheNodeOff, progress, time),
            new StopObservationPhase(time),
            new VerifyAfterPhase(verifier, progress, time),
            new VerdictPhase(),
        ];
    }
}
