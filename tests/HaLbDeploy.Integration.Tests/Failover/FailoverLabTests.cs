using System.Diagnostics;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>
/// failover-test against the real lab, one mode at a time. Bounds from inventory/lab.yaml (advert_int 1, lb2 priority
/// 90 takes over, lb1 priority 100 preempts): skew(90) = 166/256 s, hard faults 3 x 1 s + skew + 0.5 s.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailoverLabTests : IAsyncLifetime
{
    private const double SkewOfLb2 = (256 - 90) / 256.0;
    private const double HardFaultBound = 3 * 1.0 + SkewOfLb2 + 0.5;

    public Task InitializeAsync() => LabTier.ConvergeAsync();

    public async Task DisposeAsync()
    {
        // Whatever happened, leave the lab as the next test expects it.
        await LabFaults.RunAsync("node-on", "lb1");
        await LabFaults.RunAsync("link-up", "lb1");
        await LabNodeShell.RunOnAllAsync("rm -f /run/systemd/system/haproxy.service.d/90-halb-failover-test.conf; systemctl daemon-reload; systemctl start keepalived haproxy");
        await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();
    }

    [Fact]
    public async Task Stopping_keepalived_on_the_vip_holder_hands_the_vip_to_lb2_in_under_a_second_and_back()
    {
        var run = await FailoverRun.StartAsync("--node", "lb1", "--mode", "stop");

        Assert.True(run.Cli.ExitCode == 0 && run.Passed, run.ToString());
        var takeover = run.Measurement("failover", "lb2 took the VIP over");
        Assert.True(takeover.Value < 1.0, $"takeover took {takeover.Value} s");
        Assert.Equal(SkewOfLb2 + 0.5, takeover.Bound!.Value, 3);
        Assert.Equal(["lb1"], run.HoldersAtEnd("failback"));
        await AssertRestoredAndHealthyAsync(run);
    }

    [Fact]
    public async Task Taking_the_holders_link_down_through_the_lab_hook_passes_within_the_master_down_bound()
    {
        var run = await FailoverRun.StartAsync("--node", "lb1", "--mode", "link-down",
            "--fault-command", $"{LabFaults.Script} link-down {{node}}", "--restore-command", $"{LabFaults.Script} link-up {{node}}");

        Assert.True(run.Cli.ExitCode == 0 && run.Passed, run.ToString());
        var takeover = run.Measurement("failover", "lb2 took the VIP over");
        Assert.Equal(HardFaultBound, takeover.Bound!.Value, 3);
        Assert.True(takeover.Value <= HardFaultBound, $"takeover took {takeover.Value} s");
        Assert.True(run.Measurement("failover", "longest gap in successful probes").Passed);
        await AssertRestoredAndHealthyAsync(run);
    }

    [Fact]
    public async Task A_written_preempt_delay_holds_lb1_back_that_long_after_its_link_is_up_and_the_failback_bound_counts_it()
    {
        using var delayed = LabInventory.With(("  preempt: true\n", "  preempt: true\n  preempt_delay: 2\n"));
        try
        {
            await LabTier.ConvergeAsync(delayed.Path);
            Assert.Contains("    preempt_delay 2\n", await LabNodeShell.RunAsync("lb2", "cat /etc/keepalived/keepalived.conf"));

            var run = await FailoverRun.StartWithAsync(delayed.Path, "--node", "lb1", "--mode", "link-down",
                "--fault-command", $"{LabFaults.Script} link-down {{node}}", "--restore-command", $"{LabFaults.Script} link-up {{node}}");

            Assert.True(run.Cli.ExitCode == 0 && run.Passed, run.ToString());
            var back = run.Measurement("failback", "the VIP returned to lb1");
            // preempt_delay 2 + 3 x advert_int 1 + skew(100) + margin 0.5
            Assert.Equal(2 + 3 + (256 - 100) / 256.0 + 0.5, back.Bound!.Value, 3);
            // keepalived starts the delay when lb1 leaves FAULT for BACKUP, at link-up; the restore returns a moment later.
            Assert.True(back.Value >= 1.8, $"lb1 took the VIP back {back.Value} s after its link was up, before its preempt_delay of 2 s");
        }
        finally
        {
            await LabTier.ConvergeAsync();
        }
        Assert.Equal("0", (await LabNodeShell.RunAsync("lb2", "grep -c preempt_delay /etc/keepalived/keepalived.conf || true")).Trim());
        var verify = await LabTier.VerifyUntilHealthyAsync(TimeSpan.FromSeconds(30));
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("OK: lb1 holds the VIP", verify.Output);
    }

    [Fact]
    public async Task Cutting_the_holders_power_through_the_lab_hook_passes_within_the_master_down_bound()
    {
        var run = await FailoverRun.StartAsync("--node", "lb1", "--mode", "power-off",
            "--fault-command", $"{LabFaults.Script} node-off {{node}}", "--restore-command", $"{LabFaults.Script} node-on {{node}}");

        Assert.True(run.Cli.ExitCode == 0 && run.Passed, run.ToString());
        var takeover = run.Measurement("failover", "lb2 took the VIP over");
        Assert.True(takeover.Value <= HardFaultBound, $"takeover took {takeover.Value} s");
        Assert.StartsWith("it was powered off", run.Measurement("failover", "lb1 gave the VIP up").Detail);
        await AssertRestoredAndHealthyAsync(run);
    }

    [Fact]
    public async Task Killing_haproxy_on_the_holder_moves_the_vip_and_the_restart_hold_is_removed_afterwards()
    {
        var run = await FailoverRun.StartAsync("--node", "lb1", "--mode", "kill-haproxy");

        Assert.True(run.Cli.ExitCode == 0 && run.Passed, run.ToString());
        var takeover = run.Measurement("failover", "lb2 took the VIP over");
        Assert.True(takeover.Passed, takeover.Detail);
        Assert.Equal(2 * 1.0 + SkewOfLb2 + 0.5, takeover.Bound!.Value, 3);
        var unit = await LabNodeShell.RunAsync("lb1", "systemctl show -p Restart haproxy; test ! -e /run/systemd/system/haproxy.service.d/90-halb-failover-test.conf && echo no-drop-in");
        Assert.Contains("Restart=always", unit);
        Assert.Contains("no-drop-in", unit);
        await AssertRestoredAndHealthyAsync(run);
    }

    /// <remarks>api1 holds the VIP too and this machine's ARP entry names it (garp_refresh 0 keeps it there).</remarks>
    [Fact]
    public async Task A_machine_outside_the_inventory_holding_the_vip_stops_the_test_before_any_fault()
    {
        try
        {
            using var inventory = await LabTier.ConvergeWithoutGarpRefreshAsync();
            var keepalivedStarted = await LabNodeShell.RunAsync("lb1", "systemctl show -p ActiveEnterTimestampMonotonic keepalived");
            await LabFaults.RunAsync("rogue-vip", "api1");
            await LabFaults.RunAsync("vip-arp", "api1");

            var run = new FailoverRun(await LabCli.RunAsync("failover-test", "-i", inventory.Path, "--node", "lb1", "--output", "json"));

            Assert.True(run.Cli.ExitCode == 1 && !run.Passed, run.ToString());
            Assert.StartsWith("not started: the tier is not healthy before the test: UNHEALTHY: the VIP 10.211.0.100 answered from ", run.Summary);
            Assert.Contains("which is no LB node's VRRP interface", run.Summary);
            Assert.Equal(keepalivedStarted, await LabNodeShell.RunAsync("lb1", "systemctl show -p ActiveEnterTimestampMonotonic keepalived"));
        }
        finally
        {
            await LabFaults.RunAsync("rogue-vip-off", "api1");
            await LabTier.ConvergeAsync();
        }
    }

    [Fact]
    public async Task A_node_that_does_not_hold_the_vip_is_said_so_and_the_vip_does_not_move()
    {
        var run = await FailoverRun.StartAsync("--node", "lb3", "--mode", "stop");

        Assert.True(run.Cli.ExitCode == 0 && run.Passed, run.ToString());
        Assert.StartsWith("PASS: lb3 did not hold the VIP (lb1 did): the VIP did not move", run.Summary);
        Assert.True(run.Measurement("failover", "the VIP stayed on lb1 (lb3 did not hold it)").Passed);
        Assert.True(run.Measurement("failback", "the VIP stayed on lb1").Passed);
        Assert.Contains("healthy; lb1 holds the VIP, not lb3: the test shows that the VIP does not move", run.Cli.Error);
        await AssertRestoredAndHealthyAsync(run);
    }

    [Fact]
    public async Task The_html_report_renders_in_headless_chromium_with_the_timeline_chart()
    {
        var report = Path.Combine(Path.GetTempPath(), $"halb-failover-{Guid.NewGuid():N}.html");
        var profile = Directory.CreateTempSubdirectory("halb-chromium-");
        try
        {
            var run = await LabCli.RunAsync("failover-test", "-i", LabTier.Inventory, "--node", "lb1", "--report", report);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"[report/*] wrote {report}", run.Error);
            Assert.Contains("timeline: one column = ", run.Output);

            var dom = await HeadlessChromiumAsync(profile.FullName, "--dump-dom", new Uri(report).AbsoluteUri);

            Assert.Contains("<svg id=\"timeline\"", dom);
            Assert.Equal(4, dom.Split("<g class=\"lane").Length - 1);
            Assert.Contains("data-node=\"lb1\"", dom);
            Assert.Contains("<rect class=\"held\"", dom);
            Assert.Contains("<rect class=\"probe-fail\"", dom);
            // Written by the page's own script: the browser parsed the SVG and counted its parts.
            Assert.Matches("<p id=\"chart-status\" data-rendered=\"yes\">chart: 4 lanes, [0-9]+ holder spans, [0-9]+ probe runs</p>", dom);

            var screenshot = Path.Combine(profile.FullName, "report.png");
            await HeadlessChromiumAsync(profile.FullName, $"--screenshot={screenshot}", "--window-size=1200,1400", new Uri(report).AbsoluteUri);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is (almost) empty");
        }
        finally
        {
            File.Delete(report);
            profile.Delete(recursive: true);
        }
    }

    private static async Task AssertRestoredAndHealthyAsync(FailoverRun run)
    {
        Assert.True(run.HealthyAfter, "failover-test's own verify after the test: " + run);
        var verify = await LabTier.VerifyUntilHealthyAsync(TimeSpan.FromSeconds(30));
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("OK: lb1 holds the VIP", verify.Output);
    }

    /// <summary>Chromium headless, offline and sandboxed into a throw-away profile; it only opens the local file.</summary>
    private static async Task<string> HeadlessChromiumAsync(string profile, params string[] arguments)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Assert.True(chromium is not null, "chromium is not installed: apt-get install chromium");
        var start = new ProcessStartInfo(chromium!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions", $"--user-data-dir={profile}" })
            start.ArgumentList.Add(flag);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s: " + await error);
        }
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await error}");
        return await output;
    }
}
