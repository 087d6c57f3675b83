using Renci.SshNet;

namespace HaLbDeploy.Ssh;

/// <summary>An <see cref="IRemoteShell"/> over one SSH.NET client; each command is one exec channel.</summary>
internal sealed class SshClientShell(SshClient client) : IRemoteShell
{
    public bool IsConnected => client.IsConnected;

    public async Task<RemoteCommandResult> ExecuteAsync(string commandLine, ReadOnlyMemory<byte> standardInput, CancellationToken cancellationToken)
    {
        using var command = client.CreateCommand(commandLine);
        var execution = command.ExecuteAsync(cancellationToken);
        try
        {
            // Disposing the stream sends EOF, so `sh -s` ends after the last line.
            await using var input = command.CreateInputStream();
            await input.WriteAsync(standardInput, cancellationToken);
        }
        catch (Exception)
        {
            // The command may have ended before reading everything (e.g. sudo refused): its result is the answer.
            // If the channel broke or the token fired, awaiting the execution below throws that instead.
        }
        await execution;
        return new RemoteCommandResult(command.ExitStatus, command.ExitSignal, command.Result, command.Error);
    }

    public void Dispose()
    {
        try
        {
            if (client.IsConnected) client.Disconnect();
        }
        catch (Exception)
        {
            // The connection is going away anyway.
        }
        client.Dispose();
    }
}
