using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

public sealed class InventoryLoaderTests
{
    [Fact]
    public void A_valid_inventory_loads_without_problems()
    {
        var result = Inventories.Load(Inventories.Valid);

        Assert.Empty(result.Problems);
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal("prod", inventory.ClusterName);
        Assert.Equal(new VirtualIp(IPAddress.Parse("10.0.0.100"), 24), inventory.Vip);
        Assert.Equal(["lb1", "lb2"], inventory.Nodes.Select(n => n.Name));
        Assert.Equal("eth0", inventory.Nodes[1].Interface);
        Assert.Equal(51, inventory.VirtualRouterId);
        Assert.Equal("k8sVip01", inventory.Vrrp.AuthSecret!.Reveal());
    }

    [Fact]
    public void Left_out_fields_get_their_documented_defaults()
    {
        var inventory = Inventories.Load(Inventories.Valid).Inventory!;

        Assert.Equal([6443], inventory.FrontendPorts);
        Assert.Equal("/readyz", inventory.Frontends[0].HealthCheck.Path);
        Assert.Equal("15m", inventory.Timeouts.Client.ToString());
        Assert.Equal(VrrpMode.Unicast, inventory.Vrrp.Mode);
        Assert.False(inventory.Vrrp.Strict);
        Assert.Equal(HostKeyPolicy.Strict, inventory.Nodes[0].Ssh.HostKeyPolicy);
        Assert.Equal("/home/tester/.ssh/known_hosts", inventory.Nodes[0].Ssh.KnownHostsPath);
        Assert.False(inventory.Nodes[0].Ssh.Become);
    }

    [Fact]
    public void A_left_out_router_id_is_derived_from_the_cluster_name_and_stays_the_same()
    {
        var yaml = Inventories.ValidWith("virtual_router_id: 51\n", "");

        var first = Inventories.Load(yaml).Inventory!;
        var second = Inventories.Load(yaml).Inventory!;

        Assert.True(first.VirtualRouterIdDerived);
        Assert.InRange(first.VirtualRouterId, 1, 255);
        Assert.Equal(first.VirtualRouterId, second.VirtualRouterId);
        Assert.NotEqual(first.VirtualRouterId, Inventories.Load(yaml.Replace("cluster: prod", "cluster: staging")).Inventory!.VirtualRouterId);
    }

    [Fact]
    public void A_node_override_of_ssh_settings_keeps_the_other_defaults()
    {
        var yaml = Inventories.ValidWith("    priority: 90", "    priority: 90\n    ssh:\n      user: admin\n      port: 2222");

        var inventory = Inventories.Load(yaml).Inventory!;

        Assert.Equal(("root", 22, false), (inventory.Nodes[0].Ssh.User, inventory.Nodes[0].Ssh.Port, inventory.Nodes[0].Ssh.Become));
        Assert.Equal(("admin", 2222, true), (inventory.Nodes[1].Ssh.User, inventory.Nodes[1].Ssh.Port, inventory.Nodes[1].Ssh.Become));
    }

    [Fact]
    public void A_secret_file_is_read_relative_to_the_inventory_and_its_newline_dropped()
    {
        var environment = new FakeInventoryEnvironment();
        environment.Files["/inv/secrets/vrrp"] = "s3cret\n";
        var yaml = Inventories.ValidWith("secret_env: HALB_VRRP_SECRET", "secret_file: secrets/vrrp");

        var inventory = Inventories.Load(yaml, environment).Inventory!;

        Assert.Equal("s3cret", inventory.Vrrp.AuthSecret!.Reveal());
        Assert.Equal("file /inv/secrets/vrrp", inventory.Vrrp.AuthSecret.Origin);
    }

    [Fact]
    public void A_secret_never_prints_its_value()
    {
        var inventory = Inventories.Load(Inventories.Valid).Inventory!;

        Assert.DoesNotContain("k8sVip01", inventory.ToString());
        Assert.DoesNotContain("k8sVip01", $"{inventory.Vrrp}");
    }

    [Fact]
    public void The_example_inventory_of_the_repository_is_valid()
    {
        var result = InventoryLoaderFor(new FakeInventoryEnvironment()).LoadFile(RepositoryRoot.Of("inventory/example.yaml"));

        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Inventory!.Nodes.Count);
        Assert.Equal(3, result.Inventory.AllBackends.Count);
    }

    private static InventoryLoader InventoryLoaderFor(IInventoryEnvironment environment) => new(environment);
}
