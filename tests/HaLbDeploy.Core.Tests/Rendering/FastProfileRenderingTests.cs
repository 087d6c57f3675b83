using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Rendering;

public sealed class FastProfileRenderingTests
{
    private static readonly NodeFacts OutsideAContainer = new() { KeepalivedVersion = "1:2.2.7-1+b2", InitialNamespaces = true };

    private static string Config(Inventory inventory, NodeFacts? facts = null) =>
        ConfigurationRenderer.WithBuiltInTemplates().Render(inventory, inventory.Nodes[0], facts).File(NodePaths.KeepalivedConfig).Content;

    [Fact]
    public void The_fast_profile_renders_vrrp_version_3_with_the_advert_interval_in_decimal_seconds()
    {
        var directives = Rendered.Directives(Config(ExampleInventory.Fast()));

        Assert.Contains("vrrp_version 3", directives);
        Assert.Contains("advert_int 0.1", directives);
        Assert.Contains("fall 1", directives);
    }

    [Fact]
    public void The_fast_profile_delays_preemption_until_haproxys_checks_can_have_the_servers_up_again()
    {
        var fast = ExampleInventory.Fast();

        Assert.Contains("preempt_delay 3", Rendered.Directives(Config(fast)));
        Assert.DoesNotContain(Rendered.Directives(Config(fast with { Vrrp = fast.Vrrp with { Preempt = false } })), d => d.StartsWith("preempt_delay", StringComparison.Ordinal));
        Assert.DoesNotContain(Rendered.Directives(Config(ExampleInventory.Load())), d => d.StartsWith("preempt_delay", StringComparison.Ordinal));
    }

    [Fact]
    public void A_written_preempt_delay_is_rendered_in_either_profile_and_zero_renders_none()
    {
        var fast = ExampleInventory.Fast();
        var standard = ExampleInventory.Load();

        Assert.Contains("preempt_delay 20", Rendered.Directives(Config(standard with { Vrrp = standard.Vrrp with { PreemptDelaySeconds = 20 } })));
        Assert.Contains("preempt_delay 8", Rendered.Directives(Config(fast with { Vrrp = fast.Vrrp with { PreemptDelaySeconds = 8 } })));
        Assert.DoesNotContain(Rendered.Directives(Config(fast with { Vrrp = fast.Vrrp with { PreemptDelaySeconds = 0 } })), d => d.StartsWith("preempt_delay", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_profile_renders_neither_version_3_nor_process_tracking_even_with_facts_that_allow_it()
    {
        var directives = Rendered.Directives(Config(ExampleInventory.Load(), OutsideAContainer));

        Assert.DoesNotContain("vrrp_version 3", directives);
        Assert.DoesNotContain(directives, d => d.Contains("track_process", StringComparison.Ordinal));
        Assert.Contains("advert_int 1", directives);
    }

    [Fact]
    public void Strict_mode_with_accept_in_the_fast_profile_says_vrrp_version_3_once()
    {
        var fast = ExampleInventory.Fast();
        var strict = fast with { Vrrp = fast.Vrrp with { Mode = VrrpMode.Multicast, Strict = true, Accept = true, AuthSecret = null } };

        Assert.Single(Rendered.Directives(Config(strict)), d => d == "vrrp_version 3");
    }

    [Fact]
    public void A_fast_node_outside_a_container_with_keepalived_2_0_11_or_later_also_tracks_haproxys_processes()
    {
        var config = Config(ExampleInventory.Fast(), OutsideAContainer);

        Assert.Equal(["process haproxy", "weight 0"], Rendered.Block(config, "vrrp_track_process haproxy_running {"));
        Assert.Equal(["haproxy_running"], Rendered.Block(config, "track_process {"));
        Assert.Equal(["chk_haproxy"], Rendered.Block(config, "track_script {"));
    }

    [Theory]
    [InlineData("1:2.0.10-1", true)]
    [InlineData("1.3.5-19.el7", true)]
    [InlineData("1:2.2.7-1+b2", false)]
    [InlineData(null, true)]
    public void Keepalived_before_2_0_11_a_container_or_no_keepalived_yet_keeps_the_script_alone(string? version, bool initialNamespaces)
    {
        var facts = new NodeFacts { KeepalivedVersion = version, InitialNamespaces = initialNamespaces };

        Assert.DoesNotContain("track_process", Config(ExampleInventory.Fast(), facts), StringComparison.Ordinal);
        Assert.NotNull(HaproxyTracking.WhyScriptOnly(facts));
    }

    [Fact]
    public void Render_without_facts_keeps_the_script_alone() =>
        Assert.DoesNotContain("track_process", Config(ExampleInventory.Fast()), StringComparison.Ordinal);

    private static readonly NodeFacts InAContainer = new() { KeepalivedVersion = "1:2.2.7-1+b2", InitialNamespaces = false };

    private static NodeConfiguration Render(Inventory inventory, NodeFacts? facts) =>
        ConfigurationRenderer.WithBuiltInTemplates().Render(inventory, inventory.Nodes[0], facts);

    [Fact]
    public void A_fast_node_in_a_container_tracks_haproxy_by_the_file_systemd_writes_beside_the_script()
    {
        var config = Config(ExampleInventory.Fast(), InAContainer);

        Assert.Equal(["file \"/run/halb-haproxy-down\"", "weight 0"], Rendered.Block(config, "vrrp_track_file haproxy_down {"));
        Assert.Equal(["haproxy_down"], Rendered.Block(config, "track_file {"));
        Assert.Equal(["chk_haproxy"], Rendered.Block(config, "track_script {"));
        Assert.DoesNotContain("track_process", config, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fast_node_outside_a_container_tracks_haproxy_by_file_by_process_and_by_script()
    {
        var config = Config(ExampleInventory.Fast(), OutsideAContainer);

        Assert.Equal(["haproxy_down"], Rendered.Block(config, "track_file {"));
        Assert.Equal(["haproxy_running"], Rendered.Block(config, "track_process {"));
    }

    [Fact]
    public void The_track_file_carries_the_inventorys_track_weight()
    {
        var fast = ExampleInventory.Fast();
        var weighted = fast with { Vrrp = fast.Vrrp with { TrackWeight = -200 } };

        Assert.Contains("weight -200", Rendered.Block(Config(weighted, InAContainer), "vrrp_track_file haproxy_down {"));
    }

    [Fact]
    public void Every_vrrp_instance_of_a_dual_stack_pair_tracks_the_file()
    {
        var inventory = ExampleInventory.FastDualStack();
        var config = Config(inventory, InAContainer);

        Assert.Equal(inventory.Vips.Sum(v => v.Addresses.Count), Rendered.Directives(config).Count(d => d == "track_file {"));
    }

    [Fact]
    public void The_drop_in_writes_0_once_haproxy_started_and_1_whenever_it_stopped_and_neither_write_can_fail_haproxy()
    {
        var dropIn = Render(ExampleInventory.Fast(), InAContainer).File(NodePaths.HaproxyTrackDropIn);

        Assert.Equal(
        [
            "[Service]",
            "ExecStartPost=-+/bin/sh -c 'echo 0 > /run/halb-haproxy-down'",
            "ExecStopPost=-+/bin/sh -c 'echo 1 > /run/halb-haproxy-down'",
        ], Rendered.Directives(dropIn.Content));
        Assert.Equal(("0644", "root", "root"), (dropIn.Mode, dropIn.Owner, dropIn.Group));
        Assert.Equal("/etc/systemd/system/haproxy.service.d/halb-track.conf", dropIn.Path);
    }

    [Fact]
    public void The_drop_in_is_written_before_the_keepalived_conf_that_reads_its_file()
    {
        var paths = Render(ExampleInventory.Fast(), InAContainer).Files.Select(f => f.Path).ToList();

        Assert.True(paths.IndexOf(NodePaths.HaproxyTrackDropIn) < paths.IndexOf(NodePaths.KeepalivedConfig), string.Join(", ", paths));
    }

    [Theory]
    [InlineData("1.3.5-19.el7")]
    [InlineData("1:1.4.5-1")]
    [InlineData(null)]
    public void Keepalived_before_2_0_0_or_no_keepalived_yet_gets_neither_the_track_file_nor_the_drop_in(string? version)
    {
        var facts = new NodeFacts { KeepalivedVersion = version, InitialNamespaces = false };
        var node = Render(ExampleInventory.Fast(), facts);

        Assert.DoesNotContain("track_file", node.File(NodePaths.KeepalivedConfig).Content, StringComparison.Ordinal);
        Assert.DoesNotContain(node.Files, f => f.Path == NodePaths.HaproxyTrackDropIn);
        Assert.NotNull(HaproxyTracking.WhyNoTrackFile(facts));
    }

    [Fact]
    public void Render_without_facts_has_no_drop_in() =>
        Assert.DoesNotContain(Render(ExampleInventory.Fast(), null).Files, f => f.Path == NodePaths.HaproxyTrackDropIn);

    [Fact]
    public void The_default_profile_has_neither_the_track_file_nor_the_drop_in_even_with_facts_that_allow_them()
    {
        var node = Render(ExampleInventory.Load(), OutsideAContainer);

        Assert.DoesNotContain("track_file", node.File(NodePaths.KeepalivedConfig).Content, StringComparison.Ordinal);
        Assert.DoesNotContain(node.Files, f => f.Path == NodePaths.HaproxyTrackDropIn);
    }

    [Theory]
    [InlineData("1:2.2.7-1+b2", false, "haproxy tracked by the track file /run/halb-haproxy-down (systemd writes it when haproxy.service stops or starts) and the check script every 1 s, not track_process: the node is a container")]
    [InlineData("1:2.2.7-1+b2", true, "haproxy tracked by the track file /run/halb-haproxy-down (systemd writes it when haproxy.service stops or starts), track_process (kernel process events) and the check script every 1 s")]
    [InlineData("1.3.5-19.el7", true, "haproxy tracked by the check script every 1 s, no track file nor track_process: keepalived 1.3.5-19.el7 predates vrrp_track_file (2.0.0)")]
    public void Plan_says_which_tracking_a_fast_node_uses(string version, bool initialNamespaces, string expected) =>
        Assert.StartsWith(expected, HaproxyTracking.Describe(new NodeFacts { KeepalivedVersion = version, InitialNamespaces = initialNamespaces }, 1));
}
