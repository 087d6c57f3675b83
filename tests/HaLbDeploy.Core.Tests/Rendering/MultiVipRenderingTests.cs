using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>`vips:` renders one vrrp_instance per address, a sync group per dual-stack pair, and IPv6 binds in haproxy.</summary>
public sealed class MultiVipRenderingTests
{
    private static string Keepalived(string node) => Rendered.KeepalivedConfig(ExampleInventory.DualStack(), node);

    private static List<string> Instances(string config) =>
        config.Split('\n').Where(l => l.StartsWith("vrrp_instance ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();

    /// <summary>The lines of one vrrp_instance block, from its opening line to the closing brace.</summary>
    private static List<string> Instance(string config, string name) =>
        config.Split('\n').SkipWhile(l => l != $"vrrp_instance {name} {{").TakeWhile(l => l != "}").Select(l => l.Trim()).ToList();

    [Fact]
    public void Each_vip_address_is_its_own_vrrp_instance_and_a_dual_stack_pair_is_two()
    {
        Assert.Equal(["VI_k8s-dual_api", "VI_k8s-dual_api_v6", "VI_k8s-dual_ingress"], Instances(Keepalived("lb1")));
    }

    [Fact]
    public void A_dual_stack_pair_is_one_sync_group_so_both_addresses_move_together()
    {
        var config = Keepalived("lb2");
        Assert.Equal(["group {", "VI_k8s-dual_api", "VI_k8s-dual_api_v6"], Rendered.Block(config, "vrrp_sync_group SG_k8s-dual_api {"));
        Assert.Single(config.Split('\n'), l => l.StartsWith("vrrp_sync_group", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ipv6_instance_speaks_vrrp_version_3_without_authentication_and_unicasts_over_ipv6()
    {
        var v6 = Instance(Keepalived("lb1"), "VI_k8s-dual_api_v6");
        Assert.Contains("version 3", v6);
        Assert.DoesNotContain(v6, l => l.StartsWith("auth", StringComparison.Ordinal));
        Assert.Contains("unicast_src_ip fd00:88::91", v6);
        Assert.Equal(["fd00:88::92", "fd00:88::93"], v6.SkipWhile(l => l != "unicast_peer {").Skip(1).TakeWhile(l => l != "}").ToList());
        Assert.Contains("fd00:88::201/64 dev ens160", v6);
        var v4 = Instance(Keepalived("lb1"), "VI_k8s-dual_api");
        Assert.DoesNotContain("version 3", v4);
        Assert.Contains("auth_type PASS", v4);
        Assert.Contains("unicast_src_ip 192.168.88.91", v4);
    }

    [Fact]
    public void Both_halves_of_a_pair_share_the_router_id_and_the_next_vip_gets_the_next_id()
    {
        var config = Keepalived("lb1");
        Assert.Contains("virtual_router_id 51", Instance(config, "VI_k8s-dual_api"));
        Assert.Contains("virtual_router_id 51", Instance(config, "VI_k8s-dual_api_v6"));
        Assert.Contains("virtual_router_id 52", Instance(config, "VI_k8s-dual_ingress"));
    }

    [Theory]
    [InlineData("lb1", 100, 80)]
    [InlineData("lb2", 90, 100)]
    [InlineData("lb3", 80, 90)]
    public void A_vip_with_its_own_priorities_prefers_another_node_than_the_api_vip(string node, int api, int ingress)
    {
        var config = Keepalived(node);
        Assert.Contains($"priority {api}", Instance(config, "VI_k8s-dual_api"));
        Assert.Contains($"priority {api}", Instance(config, "VI_k8s-dual_api_v6"));
        Assert.Contains($"priority {ingress}", Instance(config, "VI_k8s-dual_ingress"));
    }

    [Fact]
    public void Haproxy_binds_both_families_when_a_vip_is_ipv6_and_reaches_ipv6_backends_by_the_last_colon()
    {
        var directives = Rendered.Directives(Rendered.HaproxyConfig(ExampleInventory.DualStack(), "lb1"));
        Assert.Contains("bind *:6443", directives);
        Assert.Contains("bind :::6443 v6only", directives);
        Assert.Contains("server master1 fd00:88::97:6443 check check-ssl verify none", directives);
        Assert.DoesNotContain(Rendered.Directives(Rendered.HaproxyConfig(ExampleInventory.Load(), "lb1")), d => d.StartsWith("bind :::", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ipv4_only_vips_list_binds_no_ipv6_and_renders_no_sync_group()
    {
        var inventory = Inventories.Load(Inventories.Valid.Replace("vip: 10.0.0.100/24", "vips:\n  - name: api\n    address: 10.0.0.100/24\n  - name: ingress\n    address: 10.0.0.101/24\n    priorities: {lb1: 10, lb2: 20}", StringComparison.Ordinal)).Inventory!;
        var config = Rendered.KeepalivedConfig(inventory, "lb1");
        Assert.Equal(["VI_prod_api", "VI_prod_ingress"], Instances(config));
        Assert.DoesNotContain("vrrp_sync_group", config, StringComparison.Ordinal);
        Assert.Contains("priority 10", Instance(config, "VI_prod_ingress"));
        Assert.DoesNotContain(Rendered.Directives(Rendered.HaproxyConfig(inventory, "lb1")), d => d.StartsWith("bind :::", StringComparison.Ordinal));
    }
}
