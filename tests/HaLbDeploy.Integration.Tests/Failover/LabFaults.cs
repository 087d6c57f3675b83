using System.Diagnostics;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>
/// The lab's fault helpers (lab/lab node-off, link-down, vrrp-block, api-unhealthy, ...) run as root on this
/// machine, and bounded waits for the VIP to settle. Every fault a test injects it undoes in a finally.
/// </summary>
public static class LabFaults
{
    public static string Script => RepositoryRoot.Of("lab/lab");

    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Script)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
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
    /// <remarks>
    /// Holding the VIP is not yet serving it: after a split brain heals, the surviving master has no reason to
    /// re-announce, so this machine's ARP entry can still name a node that gave the VIP up, and connections time
    /// out until the kernel re-resolves it (about 9 s measured on the lab). So it also waits for a TCP connection.
    /// </remarks>
    public static async Task<IReadOnlyList<string>> WaitUntilLb1HoldsTheVipAloneAsync()
    {
        var holders = await WaitForHoldersAsync(h => h.SequenceEqual(["lb1"]), TimeSpan.FromSeconds(30), "lb1 alone holds the VIP");
        await WaitUntilTheVipAcceptsConnectionsAsync(TimeSpan.FromSeconds(30));
        return holders;
    }

    /// <summary>Connects to the lab VIP (and nowhere else) until one connection succeeds; bounded by <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilTheVipAcceptsConnectionsAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < timeout)
        {
            last = await VipProber.TryConnectAsync(LabFacts.Vip, LabFacts.ApiPort);
            if (last is null) return;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        Assert.Fail($"the VIP {LabFacts.Vip}:{LabFacts.ApiPort} accepted no connection within {timeout.TotalSeconds:0} s; last error: {last}");
    }
}
