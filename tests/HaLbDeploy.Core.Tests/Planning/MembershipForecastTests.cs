using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>The example tier: lb1 100 (holding the VIP), lb2 90, lb3 80.</summary>
public sealed class MembershipForecastTests
{
    private static readonly Inventory Tier = PlanningFixtures.Inventory;

    private static NodeFacts Running(bool holdsVip = false) => PlanningFixtures.Converged() with
    {
        Interfaces = holdsVip ? [new NetworkInterface("eth0", true, [new InterfaceAddress(Tier.Vip.Address, Tier.Vip.PrefixLength)])] : [],
    };

    private static NodeFacts NotRunning() => PlanningFixtures.Converged() with { Files = [], Units = [] };

    private static NodePlan Member(string node, NodeFacts facts) => PlanningFixtures.Plan(facts, node);

    private static RetirementPlan Retiring(string name, NodeFacts facts) =>
        RetirementPlanner.Plan(Tier, new RetiredNode(name, IPAddress.Parse("10.0.0.19"), null!), facts);

    [Fact]
    public void A_lower_priority_node_joins_as_a_backup_and_the_vip_stays()
    {
        var lines = MembershipForecast.Lines(Tier, [Member("lb1", Running(holdsVip: true)), Member("lb2", Running()), Member("lb3", NotRunning())], []);

        Assert.Equal(["lb3 joins as a backup, after every member learned it as a unicast peer: the VIP stays on lb1 (lb3's priority 80 < 100)"], lines);
    }

    [Fact]
    public void A_node_that_outranks_the_holder_with_preempt_is_the_one_planned_move()
    {
        var lines = MembershipForecast.Lines(Tier, [Member("lb1", NotRunning()), Member("lb2", Running(holdsVip: true)), Member("lb3", Running())], []);

        Assert.Equal(["lb1 joins and outranks the VIP holder lb2 (100 > 90) with preempt: the VIP moves to lb1 once, when it starts (the one planned move)"], lines);
    }

    [Fact]
    public void With_nopreempt_a_higher_priority_node_joins_as_a_backup()
    {
        var nopreempt = Tier with { Vrrp = Tier.Vrrp with { Preempt = false } };

        var lines = MembershipForecast.Lines(nopreempt, [Member("lb1", NotRunning()), Member("lb2", Running(holdsVip: true))], []);

        Assert.Contains("the VIP stays on lb2 (nopreempt", Assert.Single(lines));
    }

    [Fact]
    public void A_retiring_holder_hands_the_vip_to_the_best_running_member_once()
    {
        var lines = MembershipForecast.Lines(Tier, [Member("lb2", Running()), Member("lb3", Running())], [Retiring("lb1", Running(holdsVip: true))]);

        Assert.Equal(["lb1 (10.0.0.19) retires and holds the VIP: its keepalived stops first (priority 0), so the VIP moves to lb2 once (a graceful handover, the one planned move)"], lines);
    }

    [Fact]
    public void A_retiring_backup_moves_nothing_and_a_retired_one_says_nothing()
    {
        var lines = MembershipForecast.Lines(Tier, [Member("lb1", Running(holdsVip: true))], [Retiring("lb8", Running()), Retiring("lb9", NotRunning())]);

        Assert.Equal(["lb8 (10.0.0.19) retires: keepalived and haproxy stop there, the peers drop it from their unicast lists; no VIP move"], lines);
    }
}
