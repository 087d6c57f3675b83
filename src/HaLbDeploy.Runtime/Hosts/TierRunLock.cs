using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Hosts;

/// <summary>What apply and failover-test share about the tier's run lock: who this run is, and what a refusal says.</summary>
public static class TierRunLock
{
    /// <summary>This process as the lock's owner: a fresh run id, the local user, this host, now.</summary>
    public static RunLockOwner OwnerForThisRun(TimeProvider time) =>
        new(Guid.NewGuid().ToString("N")[..12], Environment.UserName, Environment.MachineName, time.GetUtcNow());

    /// <summary>The error for a node whose lock another run holds (the node's name goes in front of it).</summary>
    public static string Refusal(string heldBy) =>
        $"another halb-deploy run holds the tier: {heldBy}; wait for it to end (a run that is gone lets go within {RunLockTiming.HolderTimeoutSeconds} s of its last beat)";

    /// <summary>Releases every lock; a lock that cannot be released goes with its session anyway.</summary>
    public static async Task ReleaseAllAsync(IEnumerable<IAsyncDisposable> locks)
    {
        foreach (var held in locks)
        {
            try { await held.DisposeAsync(); }
            catch (Exception) { /* the session's end releases it */ }
        }
    }
}
