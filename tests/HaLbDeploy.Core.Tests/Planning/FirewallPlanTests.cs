using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Rendering;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>firewalld least privilege: VRRP only from the peers, the frontend port, and our stale rules removed.</summary>
public sealed class FirewallPlanTests
{
    private const string FromLb2 = "rule priority=\"-112\" family=\"ipv4\" source address=\"192.168.88.92\" protocol value=\"vrrp\" accept";
    private const string FromLb3 = "rule priority=\"-112\" family=\"ipv4\" source address=\"192.168.88.93\" protocol value=\"vrrp\" accept";

    private static NodeFacts WithFirewall(IReadOnlyList<string> runtimeRules, IReadOnlyList<string> permanentRules, IReadOnlyList<string>? ports = null) =>
        PlanningFixtures.Converged() with
        {
            Firewall = new FirewallState(FirewalldStatus.Running, "public",
                [Zone(runtimeRules, ports ?? ["6443/tcp"])], [Zone(permanentRules, ports ?? ["6443/tcp"])]),
        };

    private static FirewallZone Zone(IReadOnlyList<string> richRules, IReadOnlyList<string> ports) =>
        new("public", "default", ["eth0"], [], ["ssh"], ports, [], richRules);

    private static IEnumerable<(ChangeKind, string)> Host(NodePlan plan) =>
        plan.Of(ChangeKind.AllowFirewall, ChangeKind.RemoveFirewallRule).Select(c => (c.Kind, c.Target));

    [Fact]
    public void A_node_with_an_empty_zone_gets_vrrp_from_each_peer_and_the_frontend_port_and_nothing_broader()
    {
        var plan = PlanningFixtures.Plan(WithFirewall([], [], ports: []));

        Assert.Equal([(ChangeKind.AllowFirewall, FromLb2), (ChangeKind.AllowFirewall, FromLb3), (ChangeKind.AllowFirewall, "6443/tcp")], Host(plan));
        Assert.Equal("+ firewalld: accept VRRP from lb2 (192.168.88.92) on eth0: " + FromLb2, plan.Changes.First(c => c.Kind == ChangeKind.AllowFirewall).ToString());
    }

    [Fact]
    public void With_several_frontends_every_frontend_port_is_opened_that_the_zone_does_not_allow_yet()
    {
        var k0s = PlanningFixtures.Inventory with { Frontends = ExampleInventory.Load("k0s").Frontends };

        var plan = PlanningFixtures.Plan(k0s, WithFirewall([FromLb2, FromLb3], [FromLb2, FromLb3], ports: ["8132/tcp"]));

        Assert.Equal([(ChangeKind.AllowFirewall, "6443/tcp"), (ChangeKind.AllowFirewall, "9443/tcp")], Host(plan));
        Assert.Equal("+ firewalld: allow 9443/tcp on eth0", plan.Changes.Last(c => c.Kind == ChangeKind.AllowFirewall).ToString());
    }

    [Fact]
    public void With_every_peer_rule_in_runtime_and_permanent_nothing_is_planned()
    {
        var plan = PlanningFixtures.Plan(WithFirewall([FromLb2, FromLb3], [FromLb3, FromLb2]));

        Assert.Empty(Host(plan));
    }

    [Fact]
    public void A_rule_missing_only_from_the_permanent_zone_is_planned_so_that_it_survives_a_reload()
    {
        var plan = PlanningFixtures.Plan(WithFirewall([FromLb2, FromLb3], [FromLb2]));

        Assert.Equal([(ChangeKind.AllowFirewall, FromLb3)], Host(plan));
    }

    [Fact]
    public void Our_rule_for_a_node_taken_out_of_the_inventory_is_removed_and_someone_elses_rule_is_kept()
    {
        var theirs = "rule family=\"ipv4\" source address=\"192.168.88.50\" protocol value=\"vrrp\" accept";
        var removedPeer = "rule priority=\"-112\" family=\"ipv4\" source address=\"192.168.88.94\" protocol value=\"vrrp\" accept";

        var plan = PlanningFixtures.Plan(WithFirewall([FromLb2, FromLb3, theirs, removedPeer], [FromLb2, FromLb3, theirs]));

        Assert.Equal([(ChangeKind.RemoveFirewallRule, removedPeer)], Host(plan));
        Assert.StartsWith("- firewalld: remove " + removedPeer, plan.Changes.Single().ToString());
    }

    [Fact]
    public void With_multicast_vrrp_the_rules_accept_each_peer_only_towards_the_group()
    {
        var inventory = PlanningFixtures.Inventory with
        {
            Vrrp = PlanningFixtures.Inventory.Vrrp with { Mode = VrrpMode.Multicast, MulticastGroup = IPAddress.Parse("224.0.0.18") },
        };

        var plan = PlanningFixtures.Plan(inventory, WithFirewall([FromLb2], [FromLb2]));

        Assert.Equal(
            [
                (ChangeKind.AllowFirewall, "rule priority=\"-112\" family=\"ipv4\" source address=\"192.168.88.92\" destination address=\"224.0.0.18\" protocol value=\"vrrp\" accept"),
                (ChangeKind.AllowFirewall, "rule priority=\"-112\" family=\"ipv4\" source address=\"192.168.88.93\" destination address=\"224.0.0.18\" protocol value=\"vrrp\" accept"),
                (ChangeKind.RemoveFirewallRule, FromLb2),
            ],
            Host(plan));
    }

    [Fact]
    public void The_host_settings_script_adds_and_removes_each_rich_rule_at_runtime_and_permanently()
    {
        var removedPeer = "rule priority=\"-112\" family=\"ipv4\" source address=\"192.168.88.94\" protocol value=\"vrrp\" accept";
        var plan = PlanningFixtures.Plan(WithFirewall([FromLb2, removedPeer], [FromLb2]));

        var script = NodeScripts.HostSettings(plan);

        Assert.Contains($"firewall-cmd -q --zone=\"$zone\" --add-rich-rule='{FromLb3}'\n", script);
        Assert.Contains($"firewall-cmd -q --permanent --zone=\"$zone\" --add-rich-rule='{FromLb3}'\n", script);
        Assert.Contains($"firewall-cmd -q --zone=\"$zone\" --remove-rich-rule='{removedPeer}'\n", script);
        Assert.Contains($"firewall-cmd -q --permanent --zone=\"$zone\" --remove-rich-rule='{removedPeer}'\n", script);
        Assert.DoesNotContain("--add-protocol", script);
    }
}
