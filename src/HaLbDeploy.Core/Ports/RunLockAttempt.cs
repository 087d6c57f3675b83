namespace HaLbDeploy.Core.Ports;

/// <summary>
/// The answer to <see cref="IHostSession.TryTakeRunLockAsync"/>: either the lock, held until it is disposed, or
/// the owner line of the run that holds it. A lock taken by <see cref="IHostSession.TryTakeRunLockAndReadAsync"/>
/// also carries what the read returned.
/// </summary>
public sealed class RunLockAttempt
{
    private RunLockAttempt(IAsyncDisposable? heldLock, string? heldBy, ScriptResult? read)
    {
        Lock = heldLock;
        HeldBy = heldBy;
        Read = read;
    }

    /// <summary>The lock this run took; disposing it releases it. Null when another run holds it.</summary>
    public IAsyncDisposable? Lock { get; }

    /// <summary>Who holds the lock and when it last beat (see <see cref="RunLockHolder.Describe"/>); null when this run took it.</summary>
    public string? HeldBy { get; }

    /// <summary>What the read run once the lock was held returned; null without a read, or when the lock was not taken.</summary>
    public ScriptResult? Read { get; }

    public bool Taken => Lock is not null;

    public static RunLockAttempt TakenWith(IAsyncDisposable heldLock, ScriptResult? read = null) => new(heldLock, null, read);

    public static RunLockAttempt HeldByAnother(RunLockHolder holder) => new(null, holder.Describe(), null);
}
