using System.Diagnostics;
using System.Text;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Local;

/// <summary>Runs hook commands with /bin/sh -c on the control host; stdout and stderr together; killed (with its children) on timeout.</summary>
public sealed class ShellCommandRunner : ILocalCommandRunner
{
    public async Task<LocalCommandResult> RunAsync(string commandLine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start /bin/sh");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* already gone */ }
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(stdout, stderr);
            var why = cancellationToken.IsCancellationRequested ? "interrupted" : $"timed out after {timeout.TotalSeconds:0} s";
            return new LocalCommandResult(-1, $"{why}\n{output}".Trim());
        }
        await Task.WhenAll(stdout, stderr);
        return new LocalCommandResult(process.ExitCode, output.ToString().Trim());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lock (sink) sink.AppendLine(line);
        }
    }
}
