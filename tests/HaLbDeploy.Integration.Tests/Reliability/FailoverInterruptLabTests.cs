using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Reliability;

/// <summary>SIGTERM in the middle of a failover test: the node is restored, the process exits 130, the tier is healthy.</summary>
[Trait("Category", "Integration")]
public sealed class FailoverInterruptLabTests
{
    public FailoverInterruptLabTests() => LabFacts.RequireLabUp();

    [Fact]
    public async Task Sigterm_right_after_the_fault_restores_the_node_and_exits_130()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);

        var (exit, output, error) = await HalbProcess.RunAndSignalAsync(["failover-test", "-i", inventory.Path, "--node", "lb1", "--mode", "stop"], "[failover/lb1] fault (");

        Assert.True(exit == 130, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("SIGTERM: stopping cleanly", error);
        Assert.Contains("[failback/lb1] restore", error);
        Assert.Equal("active", (await LabNodeShell.RunAsync("lb1", "systemctl is-active keepalived")).Trim());
        for (var i = 0; i < 40 && !(await LabNodeShell.VipHoldersAsync()).SequenceEqual(["lb1"]); i++) await Task.Delay(250);
        Assert.Equal(["lb1"], await LabNodeShell.VipHoldersAsync());
        var verify = await LabCli.RunAsync("verify", "-i", inventory.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }
}
