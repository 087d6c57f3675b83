using System.Text;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>A remote shell whose answers are given by the test; it records every command and its standard input.</summary>
internal sealed class FakeRemoteShell(Func<string, string, CancellationToken, Task<RemoteCommandResult>> answer) : IRemoteShell
{
    public List<(string CommandLine, string StandardInput)> Runs { get; } = [];

    public bool IsConnected { get; set; } = true;

    public bool Disposed { get; private set; }

    public static FakeRemoteShell Answering(int exitStatus, string output = "", string error = "") =>
        new((_, _, _) => Task.FromResult(new RemoteCommandResult(exitStatus, null, output, error)));

    public static FakeRemoteShell Failing(Exception fault) => new((_, _, _) => Task.FromException<RemoteCommandResult>(fault));

    public async Task<RemoteCommandResult> ExecuteAsync(string commandLine, ReadOnlyMemory<byte> standardInput, CancellationToken cancellationToken)
    {
        var input = Encoding.UTF8.GetString(standardInput.Span);
        Runs.Add((commandLine, input));
        return await answer(commandLine, input, cancellationToken);
    }

    /// <summary>What <see cref="HoldAsync"/> answers; unset, a hold is not expected.</summary>
    public Func<string, string, HoldBeat?, RemoteHold>? Hold { get; set; }

    public Task<RemoteHold> HoldAsync(string commandLine, ReadOnlyMemory<byte> standardInput, string readyLine, HoldBeat? beat, CancellationToken cancellationToken)
    {
        var input = Encoding.UTF8.GetString(standardInput.Span);
        Runs.Add((commandLine, input));
        return Task.FromResult((Hold ?? throw new InvalidOperationException("unexpected hold: " + commandLine))(commandLine, input, beat));
    }

    public void Dispose() => Disposed = true;
}
