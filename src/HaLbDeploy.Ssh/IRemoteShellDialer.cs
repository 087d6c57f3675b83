namespace HaLbDeploy.Ssh;

/// <summary>Opens (and, after a dropped connection, reopens) the connection to one node.</summary>
internal interface IRemoteShellDialer
{
    Task<IRemoteShell> DialAsync(CancellationToken cancellationToken);
}
