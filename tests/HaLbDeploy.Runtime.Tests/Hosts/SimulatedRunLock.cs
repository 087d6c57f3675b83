using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Tests.Hosts;

/// <summary>
/// A node's run lock as the simulated sessions keep it: free by default, or held by another run
/// (<see cref="HeldByAnother"/>). Counts who asked, and whether what was taken was released.
/// </summary>
public sealed class SimulatedRunLock
{
    private readonly Lock _lock = new();

    /// <summary>The owner line of another run that holds the lock; null when it is free.</summary>
    public string? HeldByAnother { get; set; }

    /// <summary>The owner line of this test's run while it holds the lock.</summary>
    public string? HeldBy { get; private set; }

    public int Requests { get; private set; }

    public int Releases { get; private set; }

    public Task<RunLockAttempt> TryTakeAsync(RunLockOwner owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Requests++;
            if ((HeldByAnother ?? HeldBy) is { } holder) return Task.FromResult(RunLockAttempt.HeldByAnother(new RunLockHolder(null, holder)));
            HeldBy = owner.Line;
            return Task.FromResult(RunLockAttempt.TakenWith(new Release(this)));
        }
    }

    private void Released()
    {
        lock (_lock)
        {
            Releases++;
            HeldBy = null;
        }
    }

    private sealed class Release(SimulatedRunLock runLock) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            runLock.Released();
            return ValueTask.CompletedTask;
        }
    }
}
