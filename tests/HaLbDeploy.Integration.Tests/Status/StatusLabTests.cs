using System.Globalization;
using System.Text.Json;
using HaLbDeploy.Integration.Tests.Failover;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;
using Xunit.Abstractions;

namespace HaLbDeploy.Integration.Tests.Status;

/// <summary>
/// status and the notify script's history against the real lab, applied with `metrics: {port: 8405}`: after a
/// failover-test the transitions status shows match what failover-test measured; status works read-only as a sudo
/// user with a password; a real Prometheus scrapes every node's metrics listener.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StatusLabTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const int MetricsPort = 8405;

    private readonly LabInventory _inventory = LabInventory.With(("\nbackends:", $"\nmetrics:\n  port: {MetricsPort}\n\nbackends:"));

    public async Task InitializeAsync()
    {
        LabFacts.RequireLabUp();
        var apply = await LabCli.RunAsync("apply", "-i", _inventory.Path);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();
        await LabNodeShell.RunOnAllAsync(KeepOnlyTheLastTransition);
    }

    /// <summary>
    /// Earlier tests of the suite (failover-test in every mode) move the VIP many times within the hour, which status
    /// rightly reports as flapping (exit 1). These tests judge the transitions they cause themselves, so each node's
    /// history is cut to its last line (its current state, so "since" still has a time) while the VIP is at rest.
    /// The notify script keeps the log in time order, so the last line is the newest transition.
    /// The file keeps its inode, owner and mode.
    /// </summary>
    private const string KeepOnlyTheLastTransition =
        "f=/var/lib/halb-deploy/vrrp-transitions.log; if [ -s \"$f\" ]; then tail -n 1 \"$f\" > \"$f.halb-test\" && cat \"$f.halb-test\" > \"$f\"; rm -f \"$f.halb-test\"; fi";

    public async Task DisposeAsync()
    {
        _inventory.Dispose();
        await LabTier.ConvergeAsync(); // back to inventory/lab.yaml (no metrics listener) for the next test
    }

    [Fact]
    public async Task After_a_failover_test_status_shows_each_nodes_transitions_within_a_second_of_what_failover_test_measured()
    {
        // kill-haproxy: lb1's keepalived lives on and records its FAULT itself. With --mode stop the STOP line can be
        // lost (seen once in CI): systemd ends what is left of keepalived's cgroup, the notify script among them.
        var failover = await LabCli.RunAsync("failover-test", "-i", _inventory.Path, "--output", "json", "--node", "lb1", "--mode", "kill-haproxy");
        Assert.True(failover.ExitCode == 0, failover.ToString());
        var measured = MeasuredHolderChanges(failover.Output);

        var status = await LabCli.RunAsync("status", "-i", _inventory.Path, "--output", "json");

        Assert.True(status.ExitCode == 0, status.ToString());
        using var json = JsonDocument.Parse(status.Output);
        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!);
        foreach (var (node, took, at) in measured)
        {
            var transitions = Transitions(nodes[node]);
            var nearest = transitions.Where(t => took ? t.State == "MASTER" : t.State != "MASTER").MinBy(t => (t.At - at).Duration());
            var delta = nearest.State is null ? (TimeSpan?)null : nearest.At - at;
            output.WriteLine($"{node} {(took ? "took" : "gave up")} the VIP: failover-test {at:HH:mm:ss.fff}, status {nearest.At:HH:mm:ss.fff} {nearest.State} ({delta?.TotalMilliseconds:+0;-0} ms)");
            Assert.True(delta is { } d && d.Duration() < TimeSpan.FromSeconds(1),
                $"{node}: no transition {(took ? "into" : "out of")} MASTER within 1 s of {at:O}; status has: {string.Join(", ", transitions.Select(t => $"{t.At:HH:mm:ss.fff} {t.State}"))}");
        }
        Assert.Contains(measured, m => m.Node == "lb2" && m.Took);
        Assert.Contains(measured, m => m.Node == "lb1" && m.Took);
        AssertFlapCounts(json.RootElement, nodes, output);
        Assert.Equal(["lb1"], json.RootElement.GetProperty("vip_holders").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Status_as_a_sudo_user_with_a_password_reads_every_node_and_changes_none()
    {
        const string Variable = "HALB_TEST_STATUS_SUDO_PASSWORD";
        using var asSudoUser = LabInventory.With(("  user: root\n", $"  user: halbpw\n  become: true\n  become_password_env: {Variable}\n"),
            ("\nbackends:", $"\nmetrics:\n  port: {MetricsPort}\n\nbackends:"));
        const string Fingerprint = "sha256sum /etc/haproxy/haproxy.cfg /etc/keepalived/keepalived.conf /var/lib/halb-deploy/vrrp-transitions.log; " +
                                   "systemctl show -p InvocationID keepalived haproxy; ls -la --time-style=full-iso /var/lib/halb-deploy /etc/haproxy /etc/keepalived /tmp";
        var before = await LabNodeShell.RunOnAllAsync(Fingerprint);
        try
        {
            Environment.SetEnvironmentVariable(Variable, LabFacts.ReadSecret(LabFacts.SudoPasswordFile));
            var text = await LabCli.RunAsync("status", "-i", asSudoUser.Path);
            var watch = await LabCli.RunAsync("status", "-i", asSudoUser.Path, "--watch", "--interval", "500ms", "--count", "2", "--output", "json");

            Assert.True(text.ExitCode == 0, text.ToString());
            Assert.Matches(@"VIP 10\.211\.0\.100 held by lb1 since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}", text.Output);
            Assert.Matches(@"lb1\s+10\.211\.0\.11\s+MASTER\s+\d{4}-", text.Output);
            Assert.Matches(@"kube-apiserver\s+api1\s+10\.211\.0\.31:6443\s+lb3\s+UP\s+\d{4}-", text.Output);
            Assert.True(watch.ExitCode == 0, watch.ToString());
            var rounds = watch.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, rounds.Length);
            Assert.All(rounds, r => Assert.True(JsonDocument.Parse(r).RootElement.GetProperty("healthy").GetBoolean()));
            Assert.DoesNotContain(LabFacts.ReadSecret(LabFacts.SudoPasswordFile), text.All + watch.All, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
        Assert.Equal(before, await LabNodeShell.RunOnAllAsync(Fingerprint));
    }

    [Fact]
    public async Task A_real_prometheus_scrapes_haproxy_backend_metrics_and_the_vrrp_state_of_every_node()
    {
        using var prometheus = LabPrometheus.Start();

        var up = await prometheus.QueryUntilAsync("up", r => r.Count == 6 && r.All(s => s.Value == 1), TimeSpan.FromSeconds(60));
        var vrrp = await prometheus.QueryUntilAsync("halb_vrrp_state{state=\"MASTER\"}", r => r.Count == 3, TimeSpan.FromSeconds(30));
        var servers = await prometheus.QueryUntilAsync("haproxy_server_status{state=\"UP\"}", r => r.Count == 9, TimeSpan.FromSeconds(30));
        var rules = await prometheus.RuleHealthAsync();

        Assert.True(up.Count == 6 && up.All(s => s.Value == 1), "every node's two jobs answer: " + Describe(up));
        Assert.Equal([("lb1", 1.0), ("lb2", 0.0), ("lb3", 0.0)], vrrp.Select(s => (s.Labels["node"], s.Value)).Order());
        Assert.All(vrrp, s => Assert.Equal("halb-lab", s.Labels["cluster"]));
        Assert.Equal(9, servers.Count(s => s.Value == 1));
        foreach (var node in new[] { "lb1", "lb2", "lb3" })
            Assert.Equal(["api1", "api2", "api3"], servers.Where(s => s.Labels["node"] == node).Select(s => s.Labels["server"]).Order());
        Assert.Equal(6, rules.Count);
        Assert.All(rules, r => Assert.True(r.Value is "ok" or "unknown", $"{r.Key}: {r.Value}"));
        output.WriteLine("up: " + Describe(up));
        output.WriteLine("halb_vrrp_state MASTER: " + Describe(vrrp));
    }

    private static string Describe(IEnumerable<(IReadOnlyDictionary<string, string> Labels, double Value)> series) =>
        string.Join(", ", series.Select(s => $"{s.Labels.GetValueOrDefault("job")}/{s.Labels.GetValueOrDefault("node")}={s.Value}"));

    /// <summary>Every "holds the VIP" / "no longer holds the VIP" event failover-test saw from the fault on, in absolute time.</summary>
    private static List<(string Node, bool Took, DateTimeOffset At)> MeasuredHolderChanges(string failoverJson)
    {
        using var json = JsonDocument.Parse(failoverJson);
        var start = json.RootElement.GetProperty("fault_started_at").GetDateTimeOffset();
        return json.RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("at").GetDouble() >= 0 && e.GetProperty("node").ValueKind == JsonValueKind.String)
            .Select(e => (Node: e.GetProperty("node").GetString()!, Text: e.GetProperty("text").GetString()!, At: start.AddSeconds(e.GetProperty("at").GetDouble())))
            .Where(e => e.Text is "holds the VIP" or "no longer holds the VIP")
            .Select(e => (e.Node, e.Text == "holds the VIP", e.At))
            .ToList();
    }

    private static List<(DateTimeOffset At, string State)> Transitions(JsonElement node) =>
        node.GetProperty("transitions").EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() == "INSTANCE")
            .Select(t => (t.GetProperty("at").GetDateTimeOffset(), t.GetProperty("state").GetString()!))
            .ToList();

    /// <summary>The counts status reports agree with the transitions it lists, and include the failover and the failback.</summary>
    private static void AssertFlapCounts(JsonElement root, Dictionary<string, JsonElement> nodes, ITestOutputHelper output)
    {
        var entries = nodes.ToDictionary(n => n.Key, n => n.Value.GetProperty("master_entries_last_hour").GetInt32());
        output.WriteLine($"vip_moves_last_hour {root.GetProperty("vip_moves_last_hour").GetInt32()}; took the VIP in the last hour: " +
                         string.Join(", ", entries.Select(e => $"{e.Key} {e.Value.ToString(CultureInfo.InvariantCulture)}")));
        Assert.Equal(entries.Values.Sum(), root.GetProperty("vip_moves_last_hour").GetInt32());
        Assert.True(entries["lb2"] >= 1 && entries["lb1"] >= 1, string.Join(", ", entries));
        foreach (var (name, node) in nodes)
            Assert.Equal(Transitions(node).Count(t => t.State == "MASTER"), entries[name]);
    }
}
