using System.Diagnostics;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>Runs a local tool such as ssh-keygen (no network) and returns its standard output.</summary>
public static class ExternalTool
{
    public static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException($"{fileName} did not finish in 30 s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{fileName} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
