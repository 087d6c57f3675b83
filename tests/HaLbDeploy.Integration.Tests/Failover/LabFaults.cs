using System.Diagnostics;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>
/// The lab's fault helpers (lab/lab node-off, link-down, vrrp-block, api-unhealthy, ...) run as root on this
/// machine, and bounded waits for the VIP to settle. Every fault a test injects it undoes in a finally.
/// </summary>
public static class LabFaults
{
    public static string Script => RepositoryFiles.Of("lab/lab");

    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Script)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start lab/lab");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"lab/lab {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>Polls the nodes (independently of the code under test) until <paramref name="settled"/> holds for the VIP holders.</summary>
    public static async Task<IReadOnlyList<string>> WaitForHoldersAsync(Func<IReadOnlyList<string>, bool> settled, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> holders = [];
        while (clock.Elapsed < timeout)
        {
            holders = await LabNodeShell.VipHoldersAsync();
            if (settled(holders)) return holders;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        Assert.Fail($"{what}: not reached within {timeout.TotalSeconds:0} s; VIP holders: {(holders.Count == 0 ? "none" : string.Join(", ", holders))}");
        return holders;
    }

    /// <summary>Back to the lab's normal state: lb1 (the highest priority) alone holds the VIP.</summary>
    public static Task<IReadOnlyList<string>> WaitUntilLb1HoldsTheVipAloneAsync() =>
        WaitForHoldersAsync(h => h.SequenceEqual(["lb1"]), TimeSpan.FromSeconds(30), "lb1 alone holds the VIP");
}
