namespace HaLbDeploy.Ssh;

/// <summary>One open connection that runs a command line with bytes on its standard input. The seam tests replace.</summary>
internal interface IRemoteShell : IDisposable
{
    bool IsConnected { get; }

    /// <summary>Runs the command, writes <paramref name="standardInput"/> and closes it, waits for the exit.</summary>
    Task<RemoteCommandResult> ExecuteAsync(string commandLine, ReadOnlyMemory<byte> standardInput, CancellationToken cancellationToken);
}
