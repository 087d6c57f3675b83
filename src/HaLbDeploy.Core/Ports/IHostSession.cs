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
}
