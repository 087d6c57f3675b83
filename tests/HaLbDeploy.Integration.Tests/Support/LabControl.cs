using System.Diagnostics;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Runs lab/lab fault helpers (link-down, node-off, ...) on this machine.</summary>
public static class LabControl
{
    public static async Task RunAsync(params string[] arguments) => await RunForOutputAsync(arguments);

    /// <summary>
    /// Runs <paramref name="command"/> with sh inside node <paramref name="node"/> through its namespaces, not over
    /// the network: it works while the node's link is down. Returns its standard output.
    /// </summary>
    public static Task<string> ExecAsync(string node, string command) => RunForOutputAsync("exec", node, "--", "sh", "-c", command);

    private static async Task<string> RunForOutputAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(RepositoryRoot.Of("lab/lab")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"lab/lab {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        return await output;
    }
}
