using System.Net;
using HaLbDeploy.Integration.Tests.Failover;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;
using HaLbDeploy.Integration.Tests.Verify;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Integration.Tests.Vips;

/// <summary>
/// Two VIPs on lb1..lb3 (`vips:`, router ids 81 and 82, unused on the bridge): the API VIP 10.211.0.106 prefers lb1
/// (the nodes' own priorities), the ingress VIP 10.211.0.107 prefers lb2 (its own priorities). Read independently of
/// the code under test (ip addr on each node) and through verify's JSON. Leaves lb1..lb3 as the standard lab
/// inventory has them (VIP .100 on lb1, no .106/.107 anywhere).
/// </summary>
[Trait("Category", "Integration")]
public sealed class MultiVipLabTests : IAsyncLifetime
{
    private const string Api = "10.211.0.106";
    private const string Ingress = "10.211.0.107";

    /// <summary>Issue #16: each VIP has a 6443 of its own, and 9443 is the ingress VIP's only.</summary>
    private const string BoundFrontends = FrontendsLabTests.ApiServers + """
        frontends:
          - name: kube-apiserver
            port: 6443
            vip: api
            backends: apis
          - name: ingress-6443
            port: 6443
            vip: ingress
            backends: apis
          - name: ingress-9443
            port: 9443
            vip: ingress
            backends: apis
            health_check:
              kind: tcp
        """;

    private static readonly (string Find, string Replace) TwoVips =
        ("vip: 10.211.0.100/24\n", $"vips:\n  - name: api\n    address: {Api}/24\n  - name: ingress\n    address: {Ingress}/24\n    priorities: {{lb1: 80, lb2: 100, lb3: 90}}\n");

    private static readonly (string Find, string Replace) UnusedRouterIds = ("virtual_router_id: 51", "virtual_router_id: 81");

    public Task InitializeAsync() => LabTier.ConvergeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_vips_with_different_preferred_holders_are_each_held_by_one_node_answer_and_are_each_moved_and_measured_by_failover_test()
    {
        using var inventory = LabInventory.With(TwoVips, UnusedRouterIds);
        try
        {
            var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
            Assert.True(apply.ExitCode == 0, apply.ToString());

            var healthy = await LabVipVerify.UntilAsync(inventory.Path, v => v.Exit == 0 && LabVipVerify.Holders(v, Api) == "lb1" && LabVipVerify.Holders(v, Ingress) == "lb2", TimeSpan.FromSeconds(30));
            Assert.True(healthy.Exit == 0, healthy.Text);
            Assert.Equal(["lb1"], await LabVipVerify.HoldersOnTheNodesAsync(Api));
            Assert.Equal(["lb2"], await LabVipVerify.HoldersOnTheNodesAsync(Ingress));
            Assert.Empty(await LabVipVerify.HoldersOnTheNodesAsync(LabFacts.Vip));
            foreach (var address in new[] { Api, Ingress })
            {
                var vip = LabVipVerify.Vip(healthy, address);
                Assert.True(vip.GetProperty("probe").GetProperty("serves").GetBoolean(), $"{address} does not serve /readyz: {healthy.Text}");
            }
            Assert.Equal("lb2", LabVipVerify.Vip(healthy, Ingress).GetProperty("preferred_holder").GetString());

            // failover-test measures the VIP the faulted node is preferred for: the API VIP on lb1 (taken over by lb2,
            // priority 90), the ingress VIP on lb2 (taken over by lb3, 90 > lb1's 80); each comes back.
            foreach (var (node, address, takeover) in new[] { ("lb1", Api, "lb2"), ("lb2", Ingress, "lb3") })
            {
                var cli = await LabCli.RunAsync("failover-test", "-i", inventory.Path, "--node", node, "--mode", "stop", "--output", "json");
                Assert.True(cli.Output.TrimStart().StartsWith('{'), cli.ToString());
                var run = new FailoverRun(cli);
                Assert.True(cli.ExitCode == 0 && run.Passed, run.ToString());
                Assert.Contains($"measuring the VIP {(address == Api ? "api" : "ingress")} ({address}/24", cli.Error);
                var measured = run.Measurement("failover", $"{takeover} took the VIP over");
                Assert.True(measured.Passed && measured.Value <= measured.Bound, $"{address}: {measured}");
                Assert.Equal([node], run.HoldersAtEnd("failback"));
                var after = await LabVipVerify.UntilAsync(inventory.Path, v => v.Exit == 0 && LabVipVerify.Holders(v, Api) == "lb1" && LabVipVerify.Holders(v, Ingress) == "lb2", TimeSpan.FromSeconds(30));
                Assert.True(after.Exit == 0, after.Text);
            }
        }
        finally
        {
            await LabTier.ConvergeAsync();
        }
        Assert.Empty(await LabVipVerify.HoldersOnTheNodesAsync(Api));
        Assert.Empty(await LabVipVerify.HoldersOnTheNodesAsync(Ingress));
    }
    [Fact]
    public async Task Frontends_bound_to_a_vip_answer_through_it_alone_on_every_holder_and_both_vips_serve_their_own_6443()
    {
        using var inventory = LabInventory.With(TwoVips, UnusedRouterIds, (FrontendsLabTests.Shorthand, BoundFrontends));
        try
        {
            var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            var healthy = await LabVipVerify.UntilAsync(inventory.Path, v => v.Exit == 0 && LabVipVerify.Holders(v, Api) == "lb1" && LabVipVerify.Holders(v, Ingress) == "lb2", TimeSpan.FromSeconds(30));
            Assert.True(healthy.Exit == 0, healthy.Text);
            var probes = healthy.Json!.RootElement.GetProperty("frontend_probes").EnumerateArray()
                .ToDictionary(p => p.GetProperty("frontend").GetString()!, p => (Answers: p.GetProperty("answers").GetBoolean(), Target: p.GetProperty("probe").GetProperty("target").GetString()!));
            Assert.Equal((true, $"https://{Ingress}:6443/readyz"), probes["ingress-6443"]);
            Assert.Equal((true, $"tcp://{Ingress}:9443"), probes["ingress-9443"]);

            // Read independently of verify: each VIP's own 6443 serves, 9443 answers through the ingress VIP only.
            foreach (var address in new[] { Api, Ingress })
            {
                var probe = await new TlsVipProbe(IPAddress.Parse(address), 6443, "/readyz", TimeSpan.FromSeconds(2)).ProbeAsync(CancellationToken.None);
                Assert.True(probe.HttpStatus == 200, $"{address}:6443: {probe.Describe()}");
            }
            Assert.Null(await VipProber.TryConnectAsync(Ingress, 9443));
            var throughApi = await VipProber.TryConnectAsync(Api, 9443);
            Assert.True(throughApi is not null && throughApi.Contains("refused", StringComparison.OrdinalIgnoreCase), $"{Api}:9443: {throughApi ?? "connected"}");

            // transparent: every node's haproxy listens on the ingress VIP's ports, held or not, without ip_nonlocal_bind.
            var listening = await LabNodeShell.RunOnTierAsync($"echo $(sysctl -n net.ipv4.ip_nonlocal_bind) $(ss -Hltn 'sport = :9443' | grep -c ' {Ingress}:9443 ' || true)");
            Assert.All(listening, l => Assert.True(l.Trim().StartsWith("0 ", StringComparison.Ordinal) && l.Trim() != "0 0", $"ip_nonlocal_bind and listeners on {Ingress}:9443: {l.Trim()}"));

            // failover-test --node lb2 moves the ingress VIP to lb3, probing it through the frontends bound to it.
            var cli = await LabCli.RunAsync("failover-test", "-i", inventory.Path, "--node", "lb2", "--mode", "stop", "--output", "json");
            var run = new FailoverRun(cli);
            Assert.True(cli.ExitCode == 0 && run.Passed, run.ToString());
            Assert.Contains($"measuring the VIP ingress ({Ingress}/24", cli.Error);
            Assert.Equal(["lb2"], run.HoldersAtEnd("failback"));
            Assert.Null(await VipProber.TryConnectAsync(Ingress, 9443));
        }
        finally
        {
            await LabTier.ConvergeAsync();
        }
        Assert.Empty(await LabVipVerify.HoldersOnTheNodesAsync(Api));
        Assert.Empty(await LabVipVerify.HoldersOnTheNodesAsync(Ingress));
    }
}
