using System.Diagnostics;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;
using Xunit.Abstractions;

namespace HaLbDeploy.Integration.Tests.Reliability;

/// <summary>
/// The tier's run lock on the real lab: a second apply while one runs stops before changing anything and names
/// the holder; a killed apply's lock goes with its SSH session (or, when its link was cut, with its missing beats),
/// so the next apply gets it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RunLockLabTests
{
    private const string Holds = "another halb-deploy run holds the tier: run ";
    private const int KilledBySignal9 = 128 + 9;
    private static readonly TimeSpan ReleaseDeadline = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;

    public RunLockLabTests(ITestOutputHelper output)
    {
        LabFacts.RequireLabUp();
        _output = output;
    }

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
        Assert.Matches($@"{Holds}[0-9a-f]{{12}} by \S+ on \S+ since \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(last beat \d s ago\); wait for it to end", second.All);
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

    /// <summary>
    /// What broke CI before the heartbeat: a run whose link to lb2 is down when it dies sends no FIN there, so sshd
    /// keeps the lock channel open for hours. Now the holder on lb2 lets go once no beat came for the holder's
    /// timeout. Watched from inside lb2 (not over the network) while its link is still down, so no late FIN can be
    /// what released it; then the next apply gets the lock.
    /// </summary>
    [Fact]
    public async Task A_run_killed_while_its_link_to_a_node_is_cut_lets_go_of_that_nodes_lock_within_the_holders_timeout_and_the_next_apply_gets_it()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);

        var (killed, seen, timeline) = await KilledWhileLinkIsCutAsync(inventory, "lb2");
        _output.WriteLine(string.Join("; ", timeline));
        _output.WriteLine("lb2 from inside after the kill, link down: " + string.Join(", ", seen.Select(s => $"{s.At.TotalSeconds:0.0} s {s.State}")));

        Assert.True(killed.Exit == KilledBySignal9, killed.Error);
        Assert.True(seen[0].State.StartsWith("held", StringComparison.Ordinal), "lb2's lock was free right after the kill, so this run proves nothing: " + seen[0].State);
        Assert.True(seen[^1].State == "free", $"lb2's lock was still held {seen[^1].At} after the kill, its link down: {seen[^1].State}");
        Assert.InRange(seen[^1].At, TimeSpan.Zero, RunLockTiming.HolderTimeout + TimeSpan.FromSeconds(2));
        var next = await LabCli.RunAsync("apply", "-i", inventory.Path);
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.DoesNotContain(Holds, next.All);
        await WaitUntilAllLocksAreFreeAsync();
        await AssertConvergedAsync(inventory);
    }

    /// <summary>
    /// An apply of a drift on <paramref name="node"/> and lb3, whose link to <paramref name="node"/> is cut at its
    /// plan line and which is then killed with signal 9; the node's lock is watched from inside until it is free, and
    /// only then is the link restored. A run that ended before the cut proves nothing, so it is tried again (at most
    /// three times).
    /// </summary>
    private static async Task<((int Exit, string Output, string Error) Killed, List<(TimeSpan At, string State)> Seen, List<string> Timeline)> KilledWhileLinkIsCutAsync(LabInventory inventory, string node)
    {
        (int Exit, string Output, string Error) killed = default;
        List<(TimeSpan At, string State)> seen = [];
        var timeline = new List<string>();
        for (var attempt = 1; attempt <= 3 && !(killed.Exit == KilledBySignal9 && seen is [{ State: var first }, ..] && first.StartsWith("held", StringComparison.Ordinal)); attempt++)
        {
            foreach (var drifted in new[] { node, "lb3" })
                await LabNodeShell.RunAsync(drifted, "grep -q '^# drift' /etc/haproxy/haproxy.cfg || echo '# drift' >> /etc/haproxy/haproxy.cfg");
            try
            {
                killed = await HalbProcess.RunAndSignalAsync(["apply", "-i", inventory.Path], "[plan/lb1]", "KILL",
                    beforeSignal: () => LabControl.RunAsync("link-down", node));
                seen = await WatchLockFromInsideUntilFreeAsync(node, RunLockTiming.HolderTimeout + TimeSpan.FromSeconds(10));
            }
            finally
            {
                await LabControl.RunAsync("link-up", node);
            }
            timeline.Add($"attempt {attempt}: exit {killed.Exit}, first probe {seen[0].State}");
        }
        return (killed, seen, timeline);
    }

    /// <summary>Probes the node's lock from inside it (bounded) until it is free; every probe's time since the start and answer.</summary>
    private static async Task<List<(TimeSpan At, string State)>> WatchLockFromInsideUntilFreeAsync(string node, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var seen = new List<(TimeSpan, string)>();
        while (true)
        {
            var state = (await LabControl.ExecAsync(node, LockStateProbe)).Trim();
            seen.Add((clock.Elapsed, state));
            if (state == "free" || clock.Elapsed > limit) return seen;
            await Task.Delay(250);
        }
    }

    private const string LockStateProbe =
        "if flock -n /run/halb-deploy.lock true; then echo free; else echo \"held, last beat $(( $(date +%s) - $(stat -c %Y /run/halb-deploy.lock.owner) )) s ago\"; fi";

    [Fact]
    public async Task A_holder_on_a_node_whose_beat_is_stale_is_waited_for_and_the_apply_gets_the_lock_once_it_lets_go()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        // Holds lb2's lock for 5 s more with a beat 20 s old: a holder dying after its run's link was cut.
        await StartForeignHolderAsync("lb2", holdSeconds: 5, beating: false);
        var clock = Stopwatch.StartNew();

        var next = await LabCli.RunAsync("apply", "-i", inventory.Path);

        _output.WriteLine($"apply beside a stale holder: exit {next.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.DoesNotContain(Holds, next.All);
        Assert.StartsWith("run ", await LabNodeShell.RunAsync("lb2", "cat /run/halb-deploy.lock.owner"));
        Assert.DoesNotContain(ForeignRun, await LabNodeShell.RunAsync("lb2", "cat /run/halb-deploy.lock.owner"));
        await AssertConvergedAsync(inventory);
    }

    [Fact]
    public async Task A_holder_on_a_node_that_keeps_beating_is_refused_at_once_naming_it_and_nothing_changes()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        await LabNodeShell.RunAsync("lb3", "echo '# drift' >> /etc/haproxy/haproxy.cfg");
        var pid = await StartForeignHolderAsync("lb2", holdSeconds: 60, beating: true);
        CliRun refused;
        var clock = Stopwatch.StartNew();
        try
        {
            refused = await LabCli.RunAsync("apply", "-i", inventory.Path);
        }
        finally
        {
            await LabNodeShell.RunAsync("lb2", $"kill -TERM -- -{pid} 2>/dev/null; true");
        }

        _output.WriteLine($"apply beside a beating holder: exit {refused.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Matches($@"lb2: {Holds}feedface0001 by tester on lab-holder since 2026-12-02T00:00:00Z \(last beat [0-2] s ago\)", refused.All);
        Assert.True(clock.Elapsed < RunLockTiming.StaleWait, $"the refusal took {clock.Elapsed}, as long as the wait for a stale holder");
        Assert.Contains("# drift", await LabNodeShell.RunAsync("lb3", "cat /etc/haproxy/haproxy.cfg"));
        await WaitUntilAllLocksAreFreeAsync();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
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

    private const string ForeignRun = "run feedface0001 by tester on lab-holder since 2026-12-02T00:00:00Z";

    /// <summary>
    /// Takes the node's run lock from outside halb-deploy for <paramref name="holdSeconds"/>, in a session of its own
    /// (its id is returned, to stop it), with an owner record that is touched every second while
    /// <paramref name="beating"/>, or was last touched 20 s ago. Returns once the lock is held.
    /// </summary>
    private static async Task<string> StartForeignHolderAsync(string node, int holdSeconds, bool beating)
    {
        var record = "/run/halb-deploy.lock.owner";
        var hold = beating
            ? $"i=0; while [ $i -lt {holdSeconds} ]; do touch {record}; sleep 1; i=$((i+1)); done"
            : $"sleep {holdSeconds}";
        var pid = await LabNodeShell.RunAsync(node, $$"""
            printf '%s\n' '{{ForeignRun}}' > {{record}}
            touch -d "@$(( $(date +%s) - 20 ))" {{record}}
            setsid flock /run/halb-deploy.lock sh -c '{{hold}}' </dev/null >/dev/null 2>&1 &
            echo $!
            i=0; while flock -n /run/halb-deploy.lock true && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
            """);
        Assert.False((await LabNodeShell.RunAsync(node, "flock -n /run/halb-deploy.lock true && echo free || echo held")).Trim() == "free", "the foreign holder did not take the lock");
        return pid.Trim();
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
