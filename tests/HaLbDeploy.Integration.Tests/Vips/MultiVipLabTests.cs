using HaLbDeploy.Integration.Tests.Failover;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

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

    public Task InitializeAsync() => LabTier.ConvergeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_vips_with_different_preferred_holders_are_each_held_by_one_node_answer_and_are_each_moved_and_measured_by_failover_test()
    {
        using var inventory = LabInventory.With(
            ("vip: 10.211.0.100/24\n", $"vips:\n  - name: api\n    address: {Api}/24\n  - name: ingress\n    address: {Ingress}/24\n    priorities: {{lb1: 80, lb2: 100, lb3: 90}}\n"),
            ("virtual_router_id: 51", "virtual_router_id: 81"));
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
}
