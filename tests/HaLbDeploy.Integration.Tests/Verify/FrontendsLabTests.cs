using System.Net;
using System.Text.Json;
using HaLbDeploy.Integration.Tests.Failover;
using HaLbDeploy.Integration.Tests.Support;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Integration.Tests.Verify;

/// <summary>
/// Several frontends on the real lab tier (lb1..lb3): an RKE2-shaped inventory (6443 + 9345) and a k0s-shaped one
/// (6443, 8132, 9443) converge, every port answers through the VIP, and one API server's port switched dead
/// (lab/lab api-unhealthy NAME PORT: the listener closes) leaves rotation on that frontend only. Each test puts
/// inventory/lab.yaml back (the one-frontend shorthand) before it ends, as the other tests expect.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FrontendsLabTests : IAsyncLifetime
{
    /// <summary>inventory/lab.yaml's one-frontend shorthand, which a test replaces with its `frontends:`.</summary>
    internal const string Shorthand = """
        frontend:
          port: 6443

        backends:
          - name: api1
            address: 10.211.0.31
            port: 6443
          - name: api2
            address: 10.211.0.32
            port: 6443
          - name: api3
            address: 10.211.0.33
            port: 6443

        health_check:
          path: /readyz
          interval: 1s
          fall: 2
          rise: 2
        """;

    /// <summary>The lab's three API servers as the backend set `apis`.</summary>
    internal const string ApiServers = """
        backend_sets:
          - name: apis
            backends:
              - name: api1
                address: 10.211.0.31
              - name: api2
                address: 10.211.0.32
              - name: api3
                address: 10.211.0.33

        """;

    private const string Rke2 = ApiServers + """
        frontends:
          - name: kube-apiserver
            port: 6443
            backends: apis
          - name: rke2-supervisor
            port: 9345
            backends: apis
            health_check:
              kind: tcp
            balance: leastconn
        """;

    private const string K0s = ApiServers + """
        frontends:
          - name: kube-apiserver
            port: 6443
            backends: apis
          - name: konnectivity
            port: 8132
            backends: apis
            health_check:
              kind: tcp
            balance: leastconn
            timeouts:
              client: 1h
              server: 1h
          - name: k0s-api
            port: 9443
            backends: apis
            health_check:
              kind: tcp
        """;

    public Task InitializeAsync() => LabTier.ConvergeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_rke2_shaped_tier_serves_6443_and_9345_and_a_dead_supervisor_port_leaves_only_that_frontend() =>
        await ShapedTierAsync(Rke2, ["kube-apiserver", "rke2-supervisor"], [6443, 9345], deadPort: 9345, deadFrontend: "rke2-supervisor");

    [Fact]
    public async Task A_k0s_shaped_tier_serves_6443_8132_and_9443_and_a_dead_konnectivity_port_leaves_only_that_frontend() =>
        await ShapedTierAsync(K0s, ["kube-apiserver", "konnectivity", "k0s-api"], [6443, 8132, 9443], deadPort: 8132, deadFrontend: "konnectivity");

    private static async Task ShapedTierAsync(string frontends, string[] names, int[] ports, int deadPort, string deadFrontend)
    {
        using var inventory = LabInventory.With((Shorthand, frontends));
        try
        {
            var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();

            foreach (var port in ports)
            {
                var probe = await new TlsVipProbe(IPAddress.Parse("10.211.0.100"), port, "/readyz", TimeSpan.FromSeconds(2)).ProbeAsync(CancellationToken.None);
                Assert.True(probe.HttpStatus == 200, $"VIP port {port}: {probe.Describe()}");
            }
            var healthy = await VerifyUntilAsync(inventory.Path, r => r.RootElement.GetProperty("healthy").GetBoolean() && EveryBackendUpOnEveryNode(r), TimeSpan.FromSeconds(20));
            AssertEveryBackendOfEveryFrontendUpOnEveryNode(healthy, names);
            Assert.Equal(names.Skip(1), healthy.RootElement.GetProperty("frontend_probes").EnumerateArray()
                .Where(p => p.GetProperty("answers").GetBoolean()).Select(p => p.GetProperty("frontend").GetString()));

            await LabFaults.RunAsync("api-unhealthy", "api2", deadPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var degraded = await VerifyUntilAsync(inventory.Path, r => Status(r, deadFrontend, "api2").All(s => s.StartsWith("DOWN", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));

            Assert.True(degraded.RootElement.GetProperty("healthy").GetBoolean(), "two API servers still serve every port: healthy with a warning");
            foreach (var name in names)
            {
                foreach (var api in new[] { "api1", "api2", "api3" })
                {
                    var expected = name == deadFrontend && api == "api2" ? "DOWN" : "UP";
                    Assert.All(Status(degraded, name, api), s => Assert.True(s.StartsWith(expected, StringComparison.Ordinal), $"{name}/{api}: {s}, expected {expected}"));
                }
            }
            var text = await LabCli.RunAsync("verify", "-i", inventory.Path);
            Assert.Contains($"warning: backend api2 (10.211.0.32:{deadPort}) of frontend {deadFrontend} is DOWN", text.Output, StringComparison.Ordinal);
            Assert.Matches($@"{deadFrontend}\s+api2\s+10\.211\.0\.32:{deadPort}\s+DOWN", text.Output);
        }
        finally
        {
            await LabFaults.RunAsync("api-healthy", "api2");
            await LabTier.ConvergeAsync();
        }
        var back = await LabTier.VerifyUntilHealthyAsync(TimeSpan.FromSeconds(20));
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Contains("3/3 backends UP", back.Output, StringComparison.Ordinal);
    }

    private static void AssertEveryBackendOfEveryFrontendUpOnEveryNode(JsonDocument report, string[] names)
    {
        var backends = report.RootElement.GetProperty("backends").EnumerateArray().ToList();
        Assert.Equal(names.SelectMany(n => new[] { "api1", "api2", "api3" }.Select(a => $"{n}/{a}")),
            backends.Select(b => $"{b.GetProperty("frontend").GetString()}/{b.GetProperty("name").GetString()}"));
        foreach (var backend in backends)
        {
            var states = backend.GetProperty("status_by_node").EnumerateObject().ToList();
            Assert.Equal(["lb1", "lb2", "lb3"], states.Select(s => s.Name));
            Assert.All(states, s => Assert.Equal("UP", s.Value.GetString()));
        }
    }

    private static bool EveryBackendUpOnEveryNode(JsonDocument report) =>
        report.RootElement.GetProperty("backends").EnumerateArray()
            .All(b => b.GetProperty("status_by_node").EnumerateObject().All(s => s.Value.GetString() == "UP"));

    private static IEnumerable<string> Status(JsonDocument report, string frontend, string api) =>
        report.RootElement.GetProperty("backends").EnumerateArray()
            .Single(b => b.GetProperty("frontend").GetString() == frontend && b.GetProperty("name").GetString() == api)
            .GetProperty("status_by_node").EnumerateObject().Select(s => s.Value.GetString() ?? "?");

    /// <summary>
    /// verify --output json until <paramref name="settled"/> holds in two rounds in a row (a round can catch haproxy
    /// mid-change, e.g. a server at "UP 1/2" after one slow check); returns the second of them.
    /// </summary>
    private static async Task<JsonDocument> VerifyUntilAsync(string inventory, Func<JsonDocument, bool> settled, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var settledBefore = false;
        while (true)
        {
            var run = await LabCli.RunAsync("verify", "-i", inventory, "--output", "json");
            var report = JsonDocument.Parse(run.Output);
            if (settled(report))
            {
                if (settledBefore) return report;
                settledBefore = true;
                report.Dispose();
                continue;
            }
            settledBefore = false;
            report.Dispose();
            Assert.True(clock.Elapsed < timeout, $"not settled after {timeout.TotalSeconds} s:\n{run}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
