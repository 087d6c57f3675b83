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
}
