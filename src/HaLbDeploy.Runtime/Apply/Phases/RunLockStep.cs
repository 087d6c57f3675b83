using HaLbDeploy.Core.Facts;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// apply only, right after each node's connect: takes the run lock on every node, so that no other apply or failover-test works
/// on the tier at the same time. A node whose lock another run holds fails, naming the holder, and the run stops
/// before anything changes; the locks taken on the other nodes are released when the run ends. The node's facts are
/// read in the same command, once the lock is held (<see cref="FactsPhase.ScriptFor"/>): one round trip per node
/// where a lock and then a read took two, and the facts still describe the node as it is under this run's lock.
/// </summary>
internal sealed class RunLockStep(ApplyRun run, FactsPhase facts)
{
    /// <summary>The step as <see cref="ConnectPhase"/> runs it on each member once it is connected.</summary>
    public NodeStep<NodeContext> OnEachNode => new("lock and facts", TakeAsync);

    private async Task<bool> TakeAsync(NodeContext node, CancellationToken ct)
    {
        var sent = run.Time.GetUtcNow();
        var attempt = await node.Session!.TryTakeRunLockAndReadAsync(run.LockOwner, FactScript.Description, facts.ScriptFor(node), ct);
        var received = run.Time.GetUtcNow();
        if (attempt.Lock is not { } taken) return run.Fail(node, TierRunLock.Refusal(attempt.HeldBy!));
        node.RunLock = taken;
        return facts.AcceptReadWithLock(node, attempt.Read!, sent, received);
    }
}
