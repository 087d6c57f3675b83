using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Preflight;
using HaLbDeploy.Core.Tests.Planning;
using HaLbDeploy.Core.Tests.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Tests.Validation;

namespace HaLbDeploy.Core.Tests.Preflight;

public sealed class PreflightFrontendPortTests
{
    private static readonly Inventory K0s = PlanningFixtures.Inventory with { Frontends = ExampleInventory.Load("k0s").Frontends };

    private static IReadOnlyList<PreflightFinding> Check(Inventory inventory, params PortListener[] listeners) =>
        PreflightChecks.Check(inventory, inventory.Nodes[0], PlanningFixtures.Converged() with { FrontendPorts = inventory.FrontendPorts, FrontendListeners = listeners },
            null, TimeSpan.FromSeconds(1)).Where(f => f.Check == "frontend-port").ToList();

    [Fact]
    public void Another_program_on_one_frontend_port_is_an_error_naming_that_port_and_frontend_only()
    {
        var finding = Assert.Single(Check(K0s, new PortListener("0.0.0.0:6443", ["haproxy"]), new PortListener("*:8132", ["konnectivity-se"]), new PortListener("[::]:9443", ["haproxy"])));

        Assert.True(finding.IsError);
        Assert.Equal("port 8132 (frontend konnectivity) is already in use on the node by konnectivity-se; haproxy could not bind it", finding.Message);
    }

    [Fact]
    public void Haproxy_itself_on_every_port_is_no_finding() =>
        Assert.Empty(Check(K0s, new PortListener("0.0.0.0:6443", ["haproxy"]), new PortListener("0.0.0.0:8132", ["haproxy"]), new PortListener("0.0.0.0:9443", ["haproxy"])));

    [Fact]
    public void A_port_frontends_on_different_vips_share_is_one_finding_naming_them_all()
    {
        var bound = Inventories.Load(FrontendBindingValidatorTests.BoundToTwoVips).Inventory!;

        var finding = Assert.Single(Check(bound, new PortListener("0.0.0.0:443", ["nginx"])));

        Assert.Equal("port 443 (frontend kube-apiserver, ingress-https) is already in use on the node by nginx; haproxy could not bind it", finding.Message);
    }

    [Fact]
    public void With_the_shorthand_the_message_is_the_one_it_always_was() =>
        Assert.Equal("port 6443 is already in use on the node by kube-apiserver; haproxy could not bind it",
            Assert.Single(Check(PlanningFixtures.Inventory, new PortListener("0.0.0.0:6443", ["kube-apiserver"]))).Message);
}
