using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Reliability;

/// <summary>
/// The tier's run lock on the real lab: a second apply while one runs stops before changing anything and names
/// the holder; a killed apply's lock goes with its SSH session, so the next apply gets it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RunLockLabTests
{
    private const string Holds = "another halb-deploy run holds the tier: run ";
    private const int KilledBySignal9 = 128 + 9;
    private static readonly TimeSpan ReleaseDeadline = TimeSpan.FromSeconds(30);

    public RunLockLabTests() => LabFacts.RequireLabUp();

    [Fact]
    public async Task A_second_apply_while_the_first_holds_the_tier_exits_1_before_changing_anything_naming_the_holder_and_the_first_converges()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        await LabNodeShell.RunAsync("lb2", "echo '# drift' >> /etc/haproxy/haproxy.cfg");
        var starts = await UnitStartsAsync();
        CliRun? second = null;
        // The first apply pauses at its plan line (connected, every lock held) until the second has run to its end.
        var watcher = new LineWatcher("[plan/lb2]", async () => second = await LabCli.RunAsync("apply", "-i", inventory.Path));

        var first = await LabCli.RunAsync(watcher, "apply", "-i", inventory.Path);

        Assert.True(watcher.HasFired, first.ToString());
        Assert.True(second!.ExitCode == 1, second.ToString());
        Assert.Contains($"lb1: {Holds}", second.All);
        Assert.Matches($@"{Holds}[0-9a-f]{{12}} by \S+ on \S+ since \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ; wait for it to end", second.All);
        Assert.DoesNotContain("[plan/", second.Error);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(starts["lb1"], (await UnitStartsAsync())["lb1"]);
        Assert.DoesNotContain("# drift", await LabNodeShell.RunAsync("lb2", "cat /etc/haproxy/haproxy.cfg"));
        await AssertConvergedAsync(inventory);
    }

    [Theory]
    [InlineData("[plan/lb1]")]
    [InlineData("[rollout/*]")]
    public async Task After_an_apply_is_killed_with_signal_9_the_lock_goes_with_its_session_and_the_next_apply_gets_it(string killedAt)
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);

        var killed = await KilledMidRunAsync(inventory, killedAt);

        Assert.True(killed.Exit == KilledBySignal9, killed.Error);
        await WaitUntilAllLocksAreFreeAsync();
        var next = await LabCli.RunAsync("apply", "-i", inventory.Path);
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.DoesNotContain(Holds, next.All);
        await AssertConvergedAsync(inventory);
    }

    [Fact]
    public async Task Plan_and_verify_run_and_do_not_wait_while_an_apply_holds_the_tier()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        CliRun? plan = null, verify = null;
        var watcher = new LineWatcher("[plan/lb1]", async () =>
        {
            plan = await LabCli.RunAsync("plan", "-i", inventory.Path);
            verify = await LabCli.RunAsync("verify", "-i", inventory.Path);
        });

        var apply = await LabCli.RunAsync(watcher, "apply", "-i", inventory.Path);

        Assert.True(watcher.HasFired, apply.ToString());
        Assert.True(plan!.ExitCode == 0, plan.ToString());
        Assert.True(verify!.ExitCode == 0, verify.ToString());
        Assert.True(apply.ExitCode == 0, apply.ToString());
    }

    /// <summary>
    /// An apply of a drift on lb3, killed with signal 9 at the line. A short rollout can end before the signal
    /// lands; such a run proves nothing, so the drift and the kill are tried again, at most five times.
    /// </summary>
    private static async Task<(int Exit, string Output, string Error)> KilledMidRunAsync(LabInventory inventory, string killedAt)
    {
        (int Exit, string Output, string Error) killed = default;
        for (var attempt = 0; attempt < 5 && killed.Exit != KilledBySignal9; attempt++)
        {
            await LabNodeShell.RunAsync("lb3", "grep -q '^# drift' /etc/haproxy/haproxy.cfg || echo '# drift' >> /etc/haproxy/haproxy.cfg");
            killed = await HalbProcess.RunAndSignalAsync(["apply", "-i", inventory.Path], killedAt, "KILL");
        }
        return killed;
    }

    /// <summary>flock -n from outside succeeds on every node once the killed run's channels are gone.</summary>
    private static async Task WaitUntilAllLocksAreFreeAsync()
    {
        var deadline = DateTime.UtcNow + ReleaseDeadline;
        string[] answers = [];
        while (DateTime.UtcNow < deadline)
        {
            answers = await LabNodeShell.RunOnAllAsync("flock -n /run/halb-deploy.lock true && echo free || echo held");
            if (answers.All(a => a.Trim() == "free")) return;
            await Task.Delay(200);
        }
        Assert.Fail($"the run lock was not released within {ReleaseDeadline.TotalSeconds} s of the kill: {string.Join(", ", answers.Select(a => a.Trim()))}");
    }

    private static async Task AssertConvergedAsync(LabInventory inventory)
    {
        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);
        Assert.True(plan.ExitCode == 0, "plan finds changes pending: " + plan);
        Assert.Equal(["lb1"], await LabNodeShell.VipHoldersAsync());
    }

    private static async Task<Dictionary<string, string>> UnitStartsAsync()
    {
        var answers = await LabNodeShell.RunOnAllAsync("systemctl show -p ExecMainStartTimestampMonotonic haproxy keepalived");
        return LabFacts.Nodes.Select((n, i) => (n.Name, answers[i])).ToDictionary(p => p.Name, p => p.Item2);
    }
}
