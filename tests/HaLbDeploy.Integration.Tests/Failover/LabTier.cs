using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>The converged lab: every verify and failover test starts from `apply -i inventory/lab.yaml` (a no-op when nothing drifted).</summary>
public static class LabTier
{
    public static Task ConvergeAsync() => ConvergeAsync(Inventory);

    /// <summary>Applies this inventory (inventory/lab.yaml or a variant of it) and waits until lb1 alone holds the VIP.</summary>
    public static async Task ConvergeAsync(string inventory)
    {
        LabFacts.RequireLabUp();
        var apply = await LabCli.RunAsync("apply", "-i", inventory);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();
    }

    public static string Inventory => RepositoryRoot.Of("inventory/lab.yaml");

    /// <summary>
    /// Applies the lab inventory with vrrp.garp_refresh 0 (lb1 then announces the VIP only on transitions, so a test
    /// can keep this machine's ARP entry where it put it) and waits until lb1 alone holds and serves the VIP, and
    /// until its last announcement is over: keepalived sends a second batch of gratuitous ARPs garp_master_delay
    /// (5 s) after it becomes MASTER (seen on the lab: an entry pointed at lb2 right after lb1's takeover was back
    /// on lb1 5.05 s later), which would undo the test's entry if lb1 had just taken the VIP back.
    /// </summary>
    public static async Task<LabInventory> ConvergeWithoutGarpRefreshAsync()
    {
        var inventory = LabInventory.With(("  preempt: true\n", "  preempt: true\n  garp_refresh: 0\n"));
        try
        {
            var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();
            await WaitUntilLb1HasBeenMasterForAsync(TimeSpan.FromSeconds(7));
            return inventory;
        }
        catch
        {
            inventory.Dispose();
            throw;
        }
    }

    /// <summary>Waits until lb1's last "Entering MASTER STATE" (its journal, its clock) is <paramref name="age"/> old; at most that long.</summary>
    public static async Task WaitUntilLb1HasBeenMasterForAsync(TimeSpan age)
    {
        var output = await LabNodeShell.RunAsync("lb1",
            "now=$(date +%s); last=$(journalctl -u keepalived -o short-unix --no-pager | grep 'Entering MASTER STATE' | tail -1 | cut -d. -f1); echo $((now - ${last:-0}))");
        Assert.True(int.TryParse(output.Trim(), out var seconds), $"lb1: cannot tell when keepalived last became MASTER: '{output.Trim()}'");
        var remaining = age - TimeSpan.FromSeconds(seconds);
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining);
    }

    /// <summary>verify, retried for a while: after a fault haproxy's checks take a few seconds to rise again.</summary>
    public static async Task<CliRun> VerifyUntilHealthyAsync(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        CliRun run;
        do
        {
            run = await LabCli.RunAsync("verify", "-i", Inventory);
            if (run.ExitCode == 0) return run;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (clock.Elapsed < timeout);
        return run;
    }
}
