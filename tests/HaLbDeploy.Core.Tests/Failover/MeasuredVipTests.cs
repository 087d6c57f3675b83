using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Tests.Validation;

namespace HaLbDeploy.Core.Tests.Failover;

/// <summary>failover-test on a `vips:` inventory measures the VIP the faulted node is preferred for, on a one-VIP view.</summary>
public sealed class MeasuredVipTests
{
    private static readonly Inventory DualStack = ExampleInventory.DualStack();

    [Theory]
    [InlineData("lb1", "api")]
    [InlineData("lb2", "ingress")]
    [InlineData("lb3", "api")]
    public void The_vip_measured_is_the_one_the_faulted_node_is_preferred_for_else_the_first(string node, string vip)
    {
        Assert.Equal(vip, MeasuredVip.Choose(DualStack, node).Name);
    }

    [Fact]
    public void The_view_has_the_vips_address_router_id_and_priorities_so_the_expected_taker_is_that_vips()
    {
        var ingress = MeasuredVip.Choose(DualStack, "lb2");
        var view = MeasuredVip.View(DualStack, ingress);

        Assert.Equal("192.168.88.202/24", view.Vip.ToString());
        Assert.Equal(52, view.VirtualRouterId);
        Assert.Equal([80, 100, 90], view.Nodes.Select(n => n.Priority));
        Assert.Null(view.VipList);
        Assert.Null(MeasuredVip.Unmeasurable(ingress));
    }

    [Fact]
    public void Of_a_dual_stack_pair_the_ipv6_half_is_measured_beside_the_ipv4_address_and_a_single_address_has_no_other()
    {
        Assert.Equal(["fd00:88::201"], MeasuredVip.OtherAddresses(MeasuredVip.Choose(DualStack, "lb1")).Select(a => a.ToString()));
        Assert.Empty(MeasuredVip.OtherAddresses(MeasuredVip.Choose(DualStack, "lb2")));
    }

    [Fact]
    public void The_vip_shorthand_is_measured_as_it_is()
    {
        var inventory = ExampleInventory.Load();
        Assert.Same(inventory, MeasuredVip.View(inventory, MeasuredVip.Choose(inventory, "lb2")));
    }

    [Fact]
    public void The_view_of_a_vip_keeps_the_frontends_that_listen_on_it_and_no_longer_binds_them()
    {
        var bound = Inventories.Load(FrontendBindingValidatorTests.BoundToTwoVips).Inventory!;

        var view = MeasuredVip.View(bound, MeasuredVip.Choose(bound, "lb2"));

        Assert.Equal("10.0.0.101/24", view.Vip.ToString());
        Assert.Equal(["ingress-https", "ingress-http"], view.Frontends.Select(f => f.Name));
        Assert.All(view.Frontends, f => Assert.Null(f.Vip));
        Assert.Equal("ingress-https", view.ProbedFrontend.Name);
    }

    [Fact]
    public void A_vip_no_frontend_listens_on_is_refused_with_the_reason()
    {
        var result = Inventories.Load(FrontendBindingValidatorTests.BoundToTwoVips.Replace("vip: ingress", "vip: api", StringComparison.Ordinal)
            .Replace("port: 443\n    vip: api\n    backends: workers\n  - name: ingress-http\n", "port: 8443\n    vip: api\n    backends: workers\n  - name: ingress-http\n", StringComparison.Ordinal));
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        var bound = result.Inventory!;
        var ingress = MeasuredVip.Choose(bound, "lb2");

        Assert.Contains("no frontend listens on the VIP ingress", MeasuredVip.Unmeasurable(bound, ingress));
        Assert.Null(MeasuredVip.Unmeasurable(bound, MeasuredVip.Choose(bound, "lb1")));
    }

    [Fact]
    public void An_ipv6_only_vip_is_refused_with_the_reason()
    {
        var inventory = Inventories.Load(Inventories.Valid.Replace("vip: 10.0.0.100/24", "vips:\n  - name: v6\n    address: fd00:1::100/64", StringComparison.Ordinal)
            .Replace("    address: 10.0.0.11\n", "    address: 10.0.0.11\n    address6: fd00:1::11\n", StringComparison.Ordinal)
            .Replace("    address: 10.0.0.12\n", "    address: 10.0.0.12\n    address6: fd00:1::12\n", StringComparison.Ordinal));
        Assert.False(inventory.HasErrors, string.Join("\n", inventory.Errors));

        Assert.Contains("is IPv6 only", MeasuredVip.Unmeasurable(inventory.Inventory!.Vips[0]));
    }
}
