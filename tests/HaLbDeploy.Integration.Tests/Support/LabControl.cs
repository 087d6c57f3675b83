using System.Diagnostics;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Runs lab/lab fault helpers (link-down, node-off, ...) on this machine.</summary>
public static class LabControl
{
    public static async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(RepositoryRoot.Of("lab/lab")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"lab/lab {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }
}
