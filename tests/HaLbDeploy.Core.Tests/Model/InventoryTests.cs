using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Tests.Validation;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>Where an inventory's frontends listen, and so where verify probes them (issue #16: frontends bound to a VIP).</summary>
public sealed class InventoryTests
{
    private static readonly Inventory Bound = Inventories.Load(FrontendBindingValidatorTests.BoundToTwoVips).Inventory!;

    private static Frontend Named(Inventory inventory, string name) => inventory.Frontends.Single(f => f.Name == name);

    [Theory]
    [InlineData("kube-apiserver", "10.0.0.100", true)]
    [InlineData("kube-apiserver", "fd00:1::100", true)]
    [InlineData("kube-apiserver", "10.0.0.101", false)]
    [InlineData("ingress-https", "10.0.0.101", true)]
    [InlineData("ingress-https", "10.0.0.100", false)]
    [InlineData("ingress-https", "fd00:1::100", false)]
    public void A_frontend_bound_to_a_vip_listens_on_that_vips_addresses_only(string frontend, string address, bool listens)
    {
        Assert.Equal(listens, Bound.ListensOn(Named(Bound, frontend), IPAddress.Parse(address)));
    }

    [Fact]
    public void A_frontend_without_vip_listens_on_every_vip_address()
    {
        var unbound = Named(Bound, "ingress-http") with { Vip = null };

        Assert.All(Bound.AllVipAddresses, a => Assert.True(Bound.ListensOn(unbound, a.Address)));
        Assert.Null(Bound.VipOf(unbound));
    }

    [Fact]
    public void A_port_two_frontends_on_different_vips_share_is_listed_once()
    {
        Assert.Equal([443, 80], Bound.FrontendPorts);
    }

    [Fact]
    public void A_frontend_is_probed_through_the_first_vip_where_it_listens_there_else_through_its_own_vip()
    {
        Assert.Equal("10.0.0.100", Bound.ProbeAddressOf(Named(Bound, "kube-apiserver")).ToString());
        Assert.Equal("10.0.0.101", Bound.ProbeAddressOf(Named(Bound, "ingress-http")).ToString());
        Assert.Equal("10.0.0.100", Bound.ProbeAddressOf(Named(Bound, "ingress-http") with { Vip = null }).ToString());
    }

    [Fact]
    public void The_main_probe_goes_to_the_first_frontend_that_listens_on_the_first_vip()
    {
        var ingressFirst = Bound with { Frontends = [.. Bound.Frontends.Skip(1), Bound.Frontends[0]] };

        Assert.Equal("kube-apiserver", Bound.ProbedFrontend.Name);
        Assert.Equal("kube-apiserver", ingressFirst.ProbedFrontend.Name);
    }
}
