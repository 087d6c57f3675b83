using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Planning;

public sealed class RetirementPlannerTests
{
    private static readonly RetiredNode Old = new("lb9", IPAddress.Parse("10.0.0.19"), null!);

    [Fact]
    public void A_running_node_stops_keepalived_first_then_haproxy_and_loses_every_managed_file()
    {
        var plan = RetirementPlanner.Plan(PlanningFixtures.Inventory, Old, PlanningFixtures.Converged());

        Assert.Equal(
            ["- stop keepalived", "- disable keepalived", "- stop haproxy", "- disable haproxy",
             "- haproxy.cfg removed", "- check_haproxy.sh removed", "- halb-vrrp-notify.sh removed", "- keepalived.conf removed"],
            plan.Changes.Select(c => c.ToString()));
        Assert.False(plan.HoldsVip);
    }

    [Fact]
    public void A_node_already_retired_has_nothing_left_to_do()
    {
        var facts = PlanningFixtures.Converged() with
        {
            Files = [],
            Units = [new UnitState("keepalived.service", "loaded", "disabled", "inactive", "dead", null, null, null), new UnitState("haproxy.service", "loaded", "disabled", "inactive", "dead", null, null, null)],
        };

        Assert.False(RetirementPlanner.Plan(PlanningFixtures.Inventory, Old, facts).HasChanges);
    }

    [Fact]
    public void A_node_that_holds_the_vip_is_planned_as_the_holder()
    {
        var vip = PlanningFixtures.Inventory.Vip;
        var facts = PlanningFixtures.Converged() with
        {
            Interfaces = [new NetworkInterface("eth0", true, [new InterfaceAddress(vip.Address, vip.PrefixLength)])],
        };

        Assert.True(RetirementPlanner.Plan(PlanningFixtures.Inventory, Old, facts).HoldsVip);
    }

    [Fact]
    public void Every_file_a_node_can_be_given_is_one_retiring_removes()
    {
        var withMetrics = PlanningFixtures.Inventory with { Metrics = new MetricsSettings(8405, MetricsBind.Node) };

        Assert.All(PlanningFixtures.Desired(withMetrics).Files, f => Assert.Contains(f.Path, NodePaths.Managed));
    }
}
