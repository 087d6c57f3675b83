using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>Bad command lines are refused with exit 2 before any host is touched (no lab needed).</summary>
[Trait("Category", "Integration")]
public sealed class FailoverUsageTests
{
    [Theory]
    [InlineData("link-down", "lab/lab link-down {node}", "lab/lab link-up {node}", "take its own link down over SSH")]
    [InlineData("power-off", "lab/lab node-off {node}", "lab/lab node-on {node}", "cut its own power")]
    public async Task Link_down_and_power_off_without_hooks_are_a_usage_error_that_explains_why(string mode, string fault, string restore, string why)
    {
        var run = await LabCli.RunAsync("failover-test", "-i", LabTier.Inventory, "--node", "lb1", "--mode", mode);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--mode {mode} needs --fault-command and --restore-command", run.Error);
        Assert.Contains(why, run.Error);
        Assert.Contains($"--fault-command '{fault}' --restore-command '{restore}'", run.Error);
    }

    [Fact]
    public async Task A_fault_command_without_its_restore_command_is_a_usage_error()
    {
        var run = await LabCli.RunAsync("failover-test", "-i", LabTier.Inventory, "--node", "lb1", "--fault-command", "true");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fault-command and --restore-command go together", run.Error);
    }

    [Fact]
    public async Task A_node_that_is_not_in_the_inventory_is_a_usage_error_listing_the_nodes()
    {
        var run = await LabCli.RunAsync("failover-test", "-i", LabTier.Inventory, "--node", "lb9");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--node lb9: no such node", run.Error);
        Assert.Contains("(nodes: lb1, lb2, lb3)", run.Error);
    }

    [Fact]
    public async Task An_unknown_mode_is_a_usage_error()
    {
        var run = await LabCli.RunAsync("failover-test", "-i", LabTier.Inventory, "--node", "lb1", "--mode", "reboot");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("reboot", run.Error);
    }

    [Fact]
    public async Task Verify_refuses_count_without_watch()
    {
        var run = await LabCli.RunAsync("verify", "-i", LabTier.Inventory, "--count", "3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--count needs --watch", run.Error);
    }
}
