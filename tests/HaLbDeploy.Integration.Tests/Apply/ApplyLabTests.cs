using System.Net;
using System.Text.RegularExpressions;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>apply and plan against the real lab: real sshd, systemd, apt, keepalived and haproxy.</summary>
[Trait("Category", "Integration")]
public sealed partial class ApplyLabTests
{
    private const string Api3Backend = "  - name: api3\n    address: 10.211.0.33\n    port: 6443\n";

    public ApplyLabTests() => LabFacts.RequireLabUp();

    [Fact]
    public async Task Apply_on_fresh_nodes_installs_configures_and_starts_everything_and_the_vip_reaches_the_api()
    {
        await LabNodeShell.MakeAllFreshAsync();
        using var inventory = LabInventory.AsIs();

        var run = await LabCli.RunAsync("apply", "-i", inventory.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[rollout/*] order: lb1, lb2, lb3 (highest priority first: none of them holds the VIP; lb1 takes it at once, no node runs keepalived yet)", run.Error);
        foreach (var node in LabFacts.Nodes)
        {
            var state = await LabNodeShell.RunAsync(node.Name,
                "dpkg-query -W -f '${Status}\\n' keepalived haproxy; systemctl is-enabled keepalived haproxy; systemctl is-active keepalived haproxy; " +
                "stat -c '%a %U:%G %n' /etc/keepalived/keepalived.conf /etc/haproxy/haproxy.cfg /usr/libexec/keepalived/check_haproxy.sh");
            Assert.Equal(2, Regex.Count(state, "install ok installed"));
            Assert.Equal(2, Regex.Count(state, @"^enabled$", RegexOptions.Multiline));
            Assert.Equal(2, Regex.Count(state, @"^active$", RegexOptions.Multiline));
            Assert.Contains("640 root:root /etc/keepalived/keepalived.conf", state);
            Assert.Contains("644 root:root /etc/haproxy/haproxy.cfg", state);
            Assert.Contains("755 root:root /usr/libexec/keepalived/check_haproxy.sh", state);
        }
        Assert.Equal(["lb1"], await LabNodeShell.VipHoldersAsync());
        Assert.Equal("ok", await ReadyzThroughVipAsync());
    }

    [Fact]
    public async Task A_second_apply_changes_nothing_and_restarts_nothing()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        var before = await UnitStartsAsync();

        var log = inventory.Path + ".log";
        var run = await LabCli.RunAsync("apply", "-i", inventory.Path, "--output", "json", "--log-file", log);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, Regex.Count(run.Output, "\"outcome\": \"unchanged\""));
        Assert.Contains("\"changes\": []", run.Output);
        Assert.DoesNotContain("\"kind\"", run.Output);
        Assert.Equal(before, await UnitStartsAsync());
        // One command per node: the run lock's, which read the facts once it held the lock (the SSH adapter logs
        // every command it runs on a node).
        var logged = File.ReadAllText(log);
        File.Delete(log);
        foreach (var node in LabFacts.Nodes)
        {
            var commands = Regex.Matches(logged, $@"{node.Name}: run '[^']+' exit [^\n]*").Select(m => m.Value).ToList();
            var only = Assert.Single(commands);
            Assert.Matches(@"run 'read node facts' exit 0 in \d+ ms \(with the run lock, one command\)", only);
        }
    }

    [Fact]
    public async Task Plan_shows_a_manual_edit_as_a_diff_and_exits_3_and_apply_restores_the_file()
    {
        using var inventory = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        var original = await LabNodeShell.RunAsync("lb2", "sha256sum /etc/haproxy/haproxy.cfg");
        await LabNodeShell.RunAsync("lb2", "sed -i 's/timeout client 15m/timeout client 1m/' /etc/haproxy/haproxy.cfg");

        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);

        Assert.True(plan.ExitCode == 3, plan.ToString());
        Assert.Contains("lb2: 2 change(s) pending", plan.Output);
        Assert.Contains("~ haproxy.cfg changed (+1 -1)", plan.Output);
        Assert.Contains("-    timeout client 1m", plan.Output);
        Assert.Contains("+    timeout client 15m", plan.Output);
        Assert.Contains("lb1 (VIP holder): no change", plan.Output);
        Assert.Contains("timeout client 1m", await LabNodeShell.RunAsync("lb2", "cat /etc/haproxy/haproxy.cfg"));

        var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(original, await LabNodeShell.RunAsync("lb2", "sha256sum /etc/haproxy/haproxy.cfg"));
        Assert.Equal(0, (await LabCli.RunAsync("plan", "-i", inventory.Path)).ExitCode);
    }

    [Fact]
    public async Task Changing_the_backends_rolls_out_one_node_at_a_time_holder_last_without_a_failed_connection()
    {
        using var all = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", all.Path)).ExitCode);
        using var twoBackends = LabInventory.With((Api3Backend, ""));

        var prober = new VipProber(LabFacts.Vip, LabFacts.ApiPort);
        CliRun shrink, grow;
        try
        {
            shrink = await LabCli.RunAsync("apply", "-i", twoBackends.Path);
            grow = await LabCli.RunAsync("apply", "-i", all.Path);
        }
        finally
        {
            await prober.StopAsync();
        }

        Assert.True(shrink.ExitCode == 0, shrink.ToString());
        Assert.True(grow.ExitCode == 0, grow.ToString());
        Assert.Contains("[rollout/*] order: lb3, lb2, lb1 (VIP holder last)", shrink.Error);
        var reloads = Regex.Matches(shrink.Error, @"\[configs/(lb\d)\] ~ reload haproxy").Select(m => m.Groups[1].Value);
        Assert.Equal(["lb3", "lb2", "lb1"], reloads);
        Assert.DoesNotContain("keepalived", Regex.Matches(shrink.Error, @"\[configs/lb\d\] .*").Select(m => m.Value).Where(l => l.Contains("reload") || l.Contains("start")));
        Assert.True(prober.Attempts > 20, $"only {prober.Attempts} probes ran");
        Assert.True(prober.Failures == 0, $"{prober.Failures} of {prober.Attempts} connections to the VIP failed: {string.Join("; ", prober.Errors.Take(5))}");
        Assert.Equal(["lb1"], await LabNodeShell.VipHoldersAsync());
    }

    [Theory]
    [InlineData("halb", "")]
    [InlineData("halbpw", "  become_password_env: HALB_TEST_SUDO_PASSWORD\n")]
    public async Task Apply_works_as_a_non_root_sudo_user(string user, string sudoPassword)
    {
        Environment.SetEnvironmentVariable("HALB_TEST_SUDO_PASSWORD", LabFacts.ReadSecret(LabFacts.SudoPasswordFile));
        using (var asRoot = LabInventory.AsIs()) Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", asRoot.Path)).ExitCode);
        using var inventory = LabInventory.With(("  user: root\n", $"  user: {user}\n  become: true\n{sudoPassword}"));
        await LabNodeShell.RunAsync("lb3", "sed -i 's/timeout server 15m/timeout server 2m/' /etc/haproxy/haproxy.cfg");

        var run = await LabCli.RunAsync("apply", "-i", inventory.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[configs/lb3] ~ haproxy.cfg changed", run.Error);
        Assert.Contains("timeout server 15m", await LabNodeShell.RunAsync("lb3", "cat /etc/haproxy/haproxy.cfg"));
        Assert.Equal("640 root:root", (await LabNodeShell.RunAsync("lb3", "stat -c '%a %U:%G' /etc/keepalived/keepalived.conf")).Trim());
    }

    [Fact]
    public async Task A_node_whose_host_key_changed_is_refused_with_both_fingerprints_and_no_node_is_touched()
    {
        using var all = LabInventory.AsIs();
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", all.Path)).ExitCode);
        var digests = await LabNodeShell.RunOnAllAsync("sha256sum /etc/haproxy/haproxy.cfg");
        var knownHosts = Path.Combine(Path.GetTempPath(), $"halb-known-{Guid.NewGuid():N}");
        var forgedKey = Path.Combine(Path.GetTempPath(), $"halb-forged-{Guid.NewGuid():N}");
        try
        {
            await RunLocalAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", forgedKey);
            var forged = File.ReadAllText(forgedKey + ".pub").Split(' ');
            var lines = File.ReadAllLines(LabFacts.KnownHosts)
                .Select(l => l.StartsWith("10.211.0.12 ", StringComparison.Ordinal) && l.Contains("ssh-ed25519") ? $"10.211.0.12 {forged[0]} {forged[1]}" : l);
            File.WriteAllLines(knownHosts, lines);
            using var inventory = LabInventory.With((Api3Backend, ""), ($"known_hosts: {LabFacts.KnownHosts}", $"known_hosts: {knownHosts}"));

            var run = await LabCli.RunAsync("apply", "-i", inventory.Path);

            Assert.True(run.ExitCode == 1, run.ToString());
            var refusal = run.Output.Split('\n').First(l => l.Contains("error: lb2:", StringComparison.Ordinal));
            Assert.Equal(2, Regex.Count(refusal, "SHA256:[A-Za-z0-9+/]{43}"));
            // lb1 and lb3 may have read their facts (and so know lb1 holds the VIP) while lb2 was refused.
            Assert.Matches(@"lb1( \(VIP holder\))?: untouched", run.Output);
            Assert.Matches(@"lb3: untouched", run.Output);
            Assert.Equal(digests, await LabNodeShell.RunOnAllAsync("sha256sum /etc/haproxy/haproxy.cfg"));
        }
        finally
        {
            foreach (var file in new[] { knownHosts, forgedKey, forgedKey + ".pub" }) File.Delete(file);
        }
    }

    private static async Task RunLocalAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task<string[]> UnitStartsAsync() =>
        await LabNodeShell.RunOnAllAsync("systemctl show -p InvocationID -p ExecMainStartTimestampMonotonic keepalived haproxy");

    /// <summary>A TLS GET of /readyz through the VIP: haproxy passes the TCP stream to an API server.</summary>
    private static async Task<string> ReadyzThroughVipAsync()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var response = await client.GetAsync($"https://{LabFacts.Vip}:{LabFacts.ApiPort}/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Trim();
    }
}
