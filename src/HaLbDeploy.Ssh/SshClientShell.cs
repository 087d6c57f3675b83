using Renci.SshNet;

namespace HaLbDeploy.Ssh;

/// <summary>
/// An <see cref="IRemoteShell"/> over one SSH.NET client; each command is one exec channel. <paramref name="tunnel"/>
/// (the way through a bastion, when there is one) is closed after the client.
/// </summary>
internal sealed class SshClientShell(SshClient client, IDisposable? tunnel = null) : IRemoteShell
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

    public async Task<RemoteHold> HoldAsync(string commandLine, ReadOnlyMemory<byte> standardInput, string readyLine, HoldBeat? beat, CancellationToken cancellationToken)
    {
        var command = client.CreateCommand(commandLine);
        // Not the caller's token: the command must outlive this call; disposing the hold ends it.
        var execution = command.ExecuteAsync(CancellationToken.None);
        var input = command.CreateInputStream();
        try
        {
            await input.WriteAsync(standardInput, cancellationToken);
            await input.FlushAsync(cancellationToken);
            var output = new System.Text.StringBuilder();
            using var reader = new StreamReader(command.OutputStream, leaveOpen: true);
            var chunk = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(chunk, cancellationToken)) > 0)
            {
                var searchFrom = Math.Max(0, output.Length - readyLine.Length - 1);
                output.Append(chunk, 0, read);
                if (ReadyLine.Find(output, readyLine, searchFrom) is { } at)
                    return RemoteHold.Running(new SshCommandHold(command, input, execution, beat), output.ToString(0, at));
            }
            await execution.WaitAsync(cancellationToken);
            var result = new RemoteCommandResult(command.ExitStatus, command.ExitSignal, output.ToString(), command.Error);
            await new SshCommandHold(command, input, execution, beat: null).DisposeAsync();
            return RemoteHold.Finished(result);
        }
        catch (Exception)
        {
            await new SshCommandHold(command, input, execution, beat: null).DisposeAsync();
            throw;
        }
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
        tunnel?.Dispose();
    }
}
