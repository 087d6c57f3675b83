namespace HaLbDeploy.Core.Ports;

/// <summary>
/// The answer to <see cref="IHostSession.TryTakeRunLockAsync"/>: either the lock, held until it is disposed, or
/// the owner line of the run that holds it.
/// </summary>
public sealed class RunLockAttempt
{
    private RunLockAttempt(IAsyncDisposable? heldLock, string? heldBy)
    {
        Lock = heldLock;
        HeldBy = heldBy;
    }

    /// <summary>The lock this run took; disposing it releases it. Null when another run holds it.</summary>
    public IAsyncDisposable? Lock { get; }

    /// <summary>Who holds the lock and when it last beat (see <see cref="RunLockHolder.Describe"/>); null when this run took it.</summary>
    public string? HeldBy { get; }

    public bool Taken => Lock is not null;

    public static RunLockAttempt TakenWith(IAsyncDisposable heldLock) => new(heldLock, null);

    public static RunLockAttempt HeldByAnother(RunLockHolder holder) => new(null, holder.Describe());
}
