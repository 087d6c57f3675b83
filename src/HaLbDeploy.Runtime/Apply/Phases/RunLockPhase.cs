using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// apply only, right after connect: takes the run lock on every node, so that no other apply or failover-test works
/// on the tier at the same time. A node whose lock another run holds fails, naming the holder, and the run stops
/// before anything changes; the locks taken on the other nodes are released when the run ends.
/// </summary>
internal sealed class RunLockPhase(ApplyRun run) : IPhase
{
    public Task<bool> RunAsync(CancellationToken cancellationToken) =>
        run.Runner.ForEachAsync(run.Nodes, "lock", TakeAsync, cancellationToken);

    private async Task<bool> TakeAsync(NodeContext node, CancellationToken ct)
    {
        var attempt = await node.Session!.TryTakeRunLockAsync(run.LockOwner, ct);
        if (attempt.Lock is { } taken)
        {
            node.RunLock = taken;
            return true;
        }
        return run.Fail(node, TierRunLock.Refusal(attempt.HeldBy!));
    }
}
