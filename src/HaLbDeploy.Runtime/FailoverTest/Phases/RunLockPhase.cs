using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// First of all: takes the tier's run lock on every node, so that no apply or other failover-test runs while a
/// fault is injected. When another run holds it on any node, the test does not start. A node that cannot be reached
/// is left to the preflight, which refuses an unhealthy tier. The runner releases the locks when the run ends.
/// </summary>
internal sealed class RunLockPhase(Inventory inventory, NodeSessions sessions, IRunProgress progress, TimeProvider time) : IFailoverPhase
{
    public string Name => "lock";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        var owner = TierRunLock.OwnerForThisRun(time);
        try
        {
            var attempts = await Task.WhenAll(inventory.Nodes.Select(n => TryTakeAsync(n, owner, cancellationToken)));
            run.RunLocks.AddRange(attempts.Where(a => a.Attempt?.Lock is not null).Select(a => a.Attempt!.Lock!));
            var refusals = attempts.Where(a => a.Attempt is { Taken: false }).Select(a => $"{a.Node}: {TierRunLock.Refusal(a.Attempt!.HeldBy!)}").ToList();
            if (refusals.Count == 0) return;
            foreach (var refusal in refusals) run.AddError(refusal);
            run.Finish(FailoverOutcome.PreconditionFailed, $"not started: {refusals[0]}");
        }
        catch (OperationCanceledException)
        {
            run.Finish(FailoverOutcome.Interrupted, "interrupted before the fault was injected; nothing was changed");
        }
    }

    private async Task<(string Node, RunLockAttempt? Attempt)> TryTakeAsync(LbNode node, RunLockOwner owner, CancellationToken ct)
    {
        try
        {
            var session = await sessions.GetAsync(node, ct);
            return (node.Name, await session.TryTakeRunLockAsync(owner, ct));
        }
        catch (HostConnectionException e)
        {
            progress.Warn("lock", node.Name, $"cannot take the run lock: {e.Message}");
            return (node.Name, null);
        }
    }
}
