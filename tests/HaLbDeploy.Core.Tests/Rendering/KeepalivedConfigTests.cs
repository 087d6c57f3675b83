using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Rendering;

public sealed class KeepalivedConfigTests
{
    [Fact]
    public void Unicast_peer_lists_one_ip_per_line_and_leaves_out_the_node_itself()
    {
        var inventory = ExampleInventory.Load();

        Assert.Equal(["192.168.88.92", "192.168.88.93"], Rendered.Block(Rendered.KeepalivedConfig(inventory, "lb1"), "unicast_peer {"));
        Assert.Equal(["192.168.88.91", "192.168.88.93"], Rendered.Block(Rendered.KeepalivedConfig(inventory, "lb2"), "unicast_peer {"));
        Assert.Equal(["192.168.88.91", "192.168.88.92"], Rendered.Block(Rendered.KeepalivedConfig(inventory, "lb3"), "unicast_peer {"));
    }

    [Fact]
    public void Unicast_source_is_the_node_address()
    {
        var directives = Rendered.Directives(Rendered.KeepalivedConfig(ExampleInventory.Load(), "lb2"));
        Assert.Contains("unicast_src_ip 192.168.88.92", directives);
    }

    [Fact]
    public void Nopreempt_is_rendered_only_when_preempt_is_false()
    {
        Assert.DoesNotContain("nopreempt", Rendered.Directives(Rendered.KeepalivedConfig(ExampleInventory.Load())));
        Assert.Contains("nopreempt", Rendered.Directives(Rendered.KeepalivedConfig(ExampleInventory.WithoutPreempt())));
    }

    [Fact]
    public void The_holder_re_announces_the_vip_every_10_seconds_by_default()
    {
        Assert.Contains("garp_master_refresh 10", Rendered.Directives(Rendered.KeepalivedConfig(ExampleInventory.Load())));
    }

    [Fact]
    public void Garp_refresh_0_leaves_periodic_announcements_out()
    {
        var inventory = ExampleInventory.Load();
        inventory = inventory with { Vrrp = inventory.Vrrp with { GarpRefreshSeconds = 0 } };

        Assert.DoesNotContain("garp_master_refresh", Rendered.KeepalivedConfig(inventory), StringComparison.Ordinal);
    }

    [Fact]
    public void Vrrp_strict_is_absent_by_default()
    {
        var config = Rendered.KeepalivedConfig(ExampleInventory.Load());
        Assert.DoesNotContain("vrrp_strict", config, StringComparison.Ordinal);
        Assert.DoesNotContain("vrrp_version", config, StringComparison.Ordinal);
        Assert.DoesNotContain("accept", Rendered.Directives(config));
    }

    [Fact]
    public void Vrrp_strict_comes_with_accept_in_the_instance_when_asked_for()
    {
        var config = Rendered.KeepalivedConfig(ExampleInventory.StrictWithAccept());
        Assert.Contains("vrrp_strict", Rendered.Block(config, "global_defs {"));
        Assert.Contains("vrrp_version 3", Rendered.Block(config, "global_defs {"));
        Assert.Contains("accept", Rendered.Directives(config));
    }

    [Fact]
    public void Authentication_block_is_absent_without_a_secret()
    {
        var inventory = ExampleInventory.WithoutSecret();
        var config = Rendered.KeepalivedConfig(inventory);

        Assert.DoesNotContain("authentication", config, StringComparison.Ordinal);
        Assert.DoesNotContain("auth_pass", config, StringComparison.Ordinal);
        Assert.False(Rendered.File(inventory, "lb1", NodePaths.KeepalivedConfig).ContainsSecret);
    }

    [Fact]
    public void Authentication_uses_the_secret_in_quotes_so_hash_and_bang_stay_part_of_it()
    {
        var config = Rendered.KeepalivedConfig(ExampleInventory.WithSecret("ab#cd!ef"));
        Assert.Equal(["auth_type PASS", "auth_pass \"ab#cd!ef\""], Rendered.Block(config, "authentication {"));
    }

    [Theory]
    [InlineData("ab\"cd")]
    [InlineData("ab\\cd")]
    [InlineData("ab\ncd")]
    [InlineData("abcdé")]
    public void A_secret_keepalived_cannot_read_back_is_refused_without_showing_it(string secret)
    {
        var inventory = ExampleInventory.WithSecret(secret);
        var error = Assert.Throws<ArgumentException>(() => Rendered.KeepalivedConfig(inventory));
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.Contains("VRRP secret from test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_node_starts_as_backup_unless_the_inventory_says_master()
    {
        var inventory = ExampleInventory.Load();
        Assert.Contains("state BACKUP", Rendered.Directives(Rendered.KeepalivedConfig(inventory)));

        var masterFirst = inventory with { Nodes = [inventory.Nodes[0] with { InitialState = VrrpInitialState.Master }, .. inventory.Nodes.Skip(1)] };
        Assert.Contains("state MASTER", Rendered.Directives(Rendered.KeepalivedConfig(masterFirst, "lb1")));
        Assert.Contains("state BACKUP", Rendered.Directives(Rendered.KeepalivedConfig(masterFirst, "lb2")));
    }

    [Fact]
    public void The_instance_carries_the_node_priority_interface_router_id_and_vip()
    {
        var instance = Rendered.Directives(Rendered.KeepalivedConfig(ExampleInventory.Load(), "lb2"))
            .SkipWhile(l => l != "vrrp_instance VI_k8s-recipe {").ToList();

        Assert.Contains("interface ens160", instance);
        Assert.Contains("virtual_router_id 51", instance);
        Assert.Contains("priority 90", instance);
        Assert.Contains("advert_int 1", instance);
        Assert.Contains("192.168.88.201/24 dev ens160", instance);
        Assert.Contains("chk_haproxy", instance);
    }

    [Fact]
    public void Haproxy_is_tracked_by_the_check_script_with_the_inventory_weight_and_timing()
    {
        var script = Rendered.Block(Rendered.KeepalivedConfig(ExampleInventory.Load()), "vrrp_script chk_haproxy {");
        Assert.Equal(["script \"/usr/libexec/keepalived/check_haproxy.sh\"", "interval 1", "fall 2", "rise 2", "weight 0"], script);
    }

    [Fact]
    public void Scripts_run_only_with_script_security_and_the_node_name_is_the_router_id()
    {
        var globals = Rendered.Block(Rendered.KeepalivedConfig(ExampleInventory.Load(), "lb3"), "global_defs {");
        Assert.Equal(["router_id lb3", "enable_script_security", "script_user root"], globals);
    }

    [Fact]
    public void Multicast_mode_has_no_unicast_block_and_names_a_group_only_when_it_is_not_the_default()
    {
        var custom = Rendered.KeepalivedConfig(ExampleInventory.MulticastWithoutPreempt("224.0.0.19"));
        Assert.DoesNotContain("unicast", custom, StringComparison.Ordinal);
        Assert.Contains("vrrp_mcast_group4 224.0.0.19", Rendered.Block(custom, "global_defs {"));

        var standard = Rendered.KeepalivedConfig(ExampleInventory.MulticastWithoutPreempt("224.0.0.18"));
        Assert.DoesNotContain("vrrp_mcast_group4", standard, StringComparison.Ordinal);
    }

    [Fact]
    public void Unicast_mode_ignores_the_multicast_group()
    {
        var inventory = ExampleInventory.Load();
        inventory = inventory with { Vrrp = inventory.Vrrp with { MulticastGroup = System.Net.IPAddress.Parse("224.0.0.19") } };
        Assert.DoesNotContain("vrrp_mcast_group4", Rendered.KeepalivedConfig(inventory), StringComparison.Ordinal);
    }
}
