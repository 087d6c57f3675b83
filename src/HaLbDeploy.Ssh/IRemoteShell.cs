namespace HaLbDeploy.Ssh;

/// <summary>One open connection that runs a command line with bytes on its standard input. The seam tests replace.</summary>
internal interface IRemoteShell : IDisposable
{
    bool IsConnected { get; }

    /// <summary>Runs the command, writes <paramref name="standardInput"/> and closes it, waits for the exit.</summary>
    Task<RemoteCommandResult> ExecuteAsync(string commandLine, ReadOnlyMemory<byte> standardInput, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the command and writes <paramref name="standardInput"/> but keeps the input open; returns as soon as a
    /// line of standard output is <paramref name="readyLine"/> (the command runs on until the hold is disposed) or
    /// the command has ended. While it is held, <paramref name="beat"/> (when given) is written on its input. What it
    /// printed before the ready line comes back exactly (<see cref="RemoteHold.OutputBeforeReady"/>).
    /// </summary>
    Task<RemoteHold> HoldAsync(string commandLine, ReadOnlyMemory<byte> standardInput, string readyLine, HoldBeat? beat, CancellationToken cancellationToken);
}
