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
