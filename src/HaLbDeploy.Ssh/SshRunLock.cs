using HaLbDeploy.Core.Ports;
using Serilog;

namespace HaLbDeploy.Ssh;

/// <summary>
/// One node's run lock as the session keeps it: who this run is, the channel that holds the lock and the connection
/// it lives on. Before each script of a run that holds the lock, <see cref="KeepAsync"/> checks the channel: after a
/// reconnect (the old channel went with the old connection) or when the node let go (no beat reached it for
/// <see cref="RunLockTiming.HolderTimeout"/>), it takes the lock again on the current connection; if another run
/// holds it by then, work on this node stops with that error, never carries on unlocked.
/// </summary>
internal sealed class SshRunLock(string nodeName, ILogger logger, SshRunLock.HoldOn hold) : IAsyncDisposable
{
    /// <summary>
    /// Runs the lock script on <paramref name="shell"/>, waiting at most the given seconds for the lock, and
    /// <paramref name="read"/> (when given) once it holds it.
    /// </summary>
    internal delegate Task<LockHold> HoldOn(IRemoteShell shell, RunLockOwner owner, int waitSeconds, LockedRead? read, CancellationToken cancellationToken);

    /// <summary>The held lock script and what its read returned, or who holds the lock.</summary>
    internal sealed record LockHold(IHeldCommand? Held, RunLockHolder? Holder, ScriptResult? Read = null);

    /// <summary>A read-only script to run once the lock is held, and what it is called in logs.</summary>
    internal sealed record LockedRead(string Description, string Script);

    private readonly SemaphoreSlim gate = new(1, 1);
    private RunLockOwner? owner;
    private IHeldCommand? held;
    private IRemoteShell? heldOn;

    /// <summary>
    /// Takes the lock for <paramref name="runOwner"/>, running <paramref name="read"/> once it is held; disposing the
    /// answer's lock releases it.
    /// </summary>
    public async Task<RunLockAttempt> TakeAsync(IRemoteShell shell, RunLockOwner runOwner, LockedRead? read, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (taken, holder, readResult) = await TakeOnAsync(shell, runOwner, read, cancellationToken);
            if (taken is null) return RunLockAttempt.HeldByAnother(holder!);
            (owner, held, heldOn) = (runOwner, taken, shell);
            return RunLockAttempt.TakenWith(new Release(this), readResult);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Makes sure a lock this run took is still held on <paramref name="shell"/> before a script runs there.</summary>
    public async Task KeepAsync(IRemoteShell shell, CancellationToken cancellationToken)
    {
        if (owner is null || IsHeldOn(shell)) return;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (owner is not { } runOwner || IsHeldOn(shell)) return;
            logger.Warning("{Node:l}: the run lock's channel is gone ({Why:l}); taking the lock again",
                nodeName, ReferenceEquals(heldOn, shell) ? "the node let go after missed beats" : "the connection was replaced");
            await DropHeldAsync();
            var (taken, holder, _) = await TakeOnAsync(shell, runOwner, read: null, cancellationToken);
            if (taken is null)
                throw new HostConnectionException(nodeName, $"lost the run lock, and another halb-deploy run holds it now: {holder!.Describe()}; stopped work on this node");
            (held, heldOn) = (taken, shell);
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsHeldOn(IRemoteShell shell) => held is { HasEnded: false } && ReferenceEquals(heldOn, shell);

    /// <summary>At once first; a holder worth waiting for (stale beat, or this run's own lost channel) is waited for, bounded.</summary>
    private async Task<LockHold> TakeOnAsync(IRemoteShell shell, RunLockOwner runOwner, LockedRead? read, CancellationToken cancellationToken)
    {
        var first = await hold(shell, runOwner, 0, read, cancellationToken);
        if (first.Held is not null || !first.Holder!.IsWorthWaitingFor(runOwner.RunId)) return first;
        logger.Information("{Node:l}: the run lock is held by {Holder:l}; its holder is not beating, waiting up to {Wait} s for it to let go",
            nodeName, first.Holder.Describe(), RunLockTiming.StaleWaitSeconds);
        return await hold(shell, runOwner, RunLockTiming.StaleWaitSeconds, read, cancellationToken);
    }

    private async Task DropHeldAsync()
    {
        var old = held;
        (held, heldOn) = (null, null);
        if (old is null) return;
        try { await old.DisposeAsync(); }
        catch (Exception) { /* its connection is gone anyway */ }
    }

    private async Task ReleaseAsync()
    {
        await gate.WaitAsync();
        try
        {
            owner = null;
            await DropHeldAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        gate.Dispose();
    }

    /// <summary>The lock as <see cref="RunLockAttempt.Lock"/>: disposing it releases the lock (once).</summary>
    private sealed class Release(SshRunLock runLock) : IAsyncDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) await runLock.ReleaseAsync();
        }
    }
}
