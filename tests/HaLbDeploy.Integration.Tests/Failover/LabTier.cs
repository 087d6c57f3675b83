using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>The converged lab: every verify and failover test starts from `apply -i inventory/lab.yaml` (a no-op when nothing drifted).</summary>
public static class LabTier
{
    public static async Task ConvergeAsync()
    {
        LabFacts.RequireLabUp();
        var apply = await LabCli.RunAsync("apply", "-i", Inventory);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();
    }

    public static string Inventory => RepositoryRoot.Of("inventory/lab.yaml");

    /// <summary>
    /// Applies the lab inventory with vrrp.garp_refresh 0 (lb1 then announces the VIP only on transitions, so a test
    /// can keep this machine's ARP entry where it put it) and waits until lb1 alone holds and serves the VIP.
    /// </summary>
    public static async Task<LabInventory> ConvergeWithoutGarpRefreshAsync()
    {
        var inventory = LabInventory.With(("  preempt: true\n", "  preempt: true\n  garp_refresh: 0\n"));
        try
        {
            var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();
            return inventory;
        }
        catch
        {
            inventory.Dispose();
            throw;
        }
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
