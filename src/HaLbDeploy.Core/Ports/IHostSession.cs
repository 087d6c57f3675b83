namespace HaLbDeploy.Core.Ports;

/// <summary>An open connection to a node; plan and verify use it only as an <see cref="IHostReader"/>.</summary>
public interface IHostSession : IHostWriter, IAsyncDisposable
{
    /// <summary>
    /// Takes the node's run lock without waiting, for as long as the returned lock (or this session) is open, so that
    /// two apply or failover-test runs never work on the same tier at once. When another run holds it, the answer says
    /// who. Only runs that change nodes take it; plan and verify never ask.
    /// </summary>
    Task<RunLockAttempt> TryTakeRunLockAsync(RunLockOwner owner, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the run lock as <see cref="TryTakeRunLockAsync"/> does and, once it holds it, runs the read-only script
    /// <paramref name="readScript"/>: the answer's <see cref="RunLockAttempt.Read"/>. Over SSH both are one command,
    /// so a run that locks and then reads the node's facts pays one round trip for the two. The read is never run
    /// when the lock was not taken.
    /// </summary>
    Task<RunLockAttempt> TryTakeRunLockAndReadAsync(RunLockOwner owner, string readDescription, string readScript, CancellationToken cancellationToken);
}
