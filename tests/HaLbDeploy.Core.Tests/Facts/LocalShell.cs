using System.Diagnostics;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Runs a script on this machine the way the SSH adapter runs it on a node: the text on stdin.</summary>
public static class LocalShell
{
    public static ScriptResult Run(string shell, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(shell)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {shell}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{shell} did not finish within 60 s");
        }
        return new ScriptResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
