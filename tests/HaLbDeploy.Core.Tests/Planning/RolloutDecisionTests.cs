using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>
/// A node runs the fixture's keepalived.conf; the inventory changes one thing. An identity change (another VRRP
/// group) needs the cutover, anything else rolls as before.
/// </summary>
public sealed class RolloutDecisionTests
{
    private static readonly Inventory Current = PlanningFixtures.Inventory;

    public static TheoryData<string, string> IdentityKinds => new()
    {
        { "virtual_router_id", "virtual_router_id 51 -> 77" },
        { "secret", "authentication secret changed" },
        { "no authentication", "auth_type PASS -> (none)" },
        { "multicast", "mode unicast -> multicast" },
        { "advert_int", "advert_int 1 -> 2" },
        { "vrrp version", "VRRP version 2 -> 3" },
        { "vip address", "VIP 192.168.88.201/24 -> 192.168.88.202/24" },
        { "vip prefix", "VIP 192.168.88.201/24 -> 192.168.88.201/25" },
        { "interface", "interface eth0 -> eth1" },
    };

    [Theory]
    [MemberData(nameof(IdentityKinds))]
    public void Each_identity_change_kind_needs_the_cutover_and_says_why(string kind, string reason)
    {
        var decision = Decide(Current, Changed(kind));

        Assert.Equal(RolloutStrategy.IdentityCutover, decision.Strategy);
        Assert.Contains(reason, decision.Reasons);
        Assert.Equal("identity-cutover", decision.Name);
    }

    [Fact]
    public void Another_multicast_group_is_an_identity_change_between_two_multicast_tiers()
    {
        var multicast = Changed("multicast");
        var otherGroup = multicast with { Vrrp = multicast.Vrrp with { MulticastGroup = IPAddress.Parse("224.0.0.19") } };

        var decision = Decide(multicast, otherGroup);

        Assert.Equal(["multicast group 224.0.0.18 -> 224.0.0.19"], decision.Reasons);
    }

    [Fact]
    public void A_priority_a_track_weight_or_a_timeout_change_rolls_one_node_at_a_time()
    {
        var changed = Current with
        {
            Nodes = Current.Nodes.Select(n => n with { Priority = n.Priority - 5 }).ToList(),
            Vrrp = Current.Vrrp with { TrackWeight = -50 },
        };

        var decision = Decide(Current, changed);

        Assert.Equal(RolloutStrategy.Rolling, decision.Strategy);
        Assert.Empty(decision.Reasons);
        Assert.StartsWith("rolling", decision.Describe());
    }

    [Fact]
    public void A_changed_unicast_peer_list_is_compatible_so_a_node_joining_rolls()
    {
        var joined = Current with { Nodes = [.. Current.Nodes, Current.Nodes[^1] with { Name = "lb9", Address = IPAddress.Parse("192.168.88.19"), Priority = 50 }] };

        var plans = Current.Nodes.Select(n => PlanAgainst(Current, joined, n.Name)).ToList();

        Assert.All(plans, p => Assert.True(p.Touches(ChangeKind.UpdateFile, NodePaths.KeepalivedConfig)));
        Assert.Equal(RolloutStrategy.Rolling, RolloutDecision.For(plans).Strategy);
    }

    [Fact]
    public void A_secret_that_differs_only_after_its_eighth_character_is_no_identity_change_as_keepalived_compares_eight()
    {
        var decision = Decide(PlanningFixtures.WithSecret("k8sVip01-old"), PlanningFixtures.WithSecret("k8sVip01-new"));

        Assert.Equal(RolloutStrategy.Rolling, decision.Strategy);
    }

    [Fact]
    public void No_reason_ever_shows_an_old_or_new_secret()
    {
        var decision = Decide(PlanningFixtures.WithSecret("OldPass9"), PlanningFixtures.WithSecret("NewPass7"));

        Assert.Equal(["authentication secret changed"], decision.Reasons);
        Assert.DoesNotContain("OldPass9", decision.Describe());
        Assert.DoesNotContain("NewPass7", decision.Describe());
    }

    [Fact]
    public void A_node_whose_current_keepalived_conf_could_not_be_read_is_taken_as_an_identity_change()
    {
        var old = PlanningFixtures.Desired(Changed("virtual_router_id")).File(NodePaths.KeepalivedConfig).Content;
        var plan = PlanningFixtures.Plan(WithKeepalivedConf(old), currentContent: _ => null);

        Assert.Equal(["keepalived.conf's current text could not be read"], plan.IdentityChanges);
    }

    [Fact]
    public void A_fresh_node_creating_its_keepalived_conf_joins_without_an_identity_change()
    {
        var facts = PlanningFixtures.Converged() with { Files = [] };

        var plan = PlanningFixtures.Plan(facts);

        Assert.True(plan.Touches(ChangeKind.CreateFile, NodePaths.KeepalivedConfig));
        Assert.Empty(plan.IdentityChanges);
    }

    [Fact]
    public void The_same_reason_on_every_node_is_said_once()
    {
        var changed = Changed("virtual_router_id");

        var plans = Current.Nodes.Select(n => PlanAgainst(Current, changed, n.Name)).ToList();

        Assert.Equal(["virtual_router_id 51 -> 77"], RolloutDecision.For(plans).Reasons);
    }

    [Fact]
    public void The_reader_finds_every_identity_setting_in_the_rendered_keepalived_conf()
    {
        var identity = VrrpIdentityReader.Read(PlanningFixtures.Desired().File(NodePaths.KeepalivedConfig).Content);

        Assert.Equal(new VrrpIdentity("51", "PASS", "k8sVip01", true, "224.0.0.18", "1", "2", "192.168.88.201/24", "eth0"), identity);
    }

    private static Inventory Changed(string kind) => kind switch
    {
        "virtual_router_id" => Current with { VirtualRouterId = 77 },
        "secret" => PlanningFixtures.WithSecret("OtherPw1"),
        "no authentication" => Current with { Vrrp = Current.Vrrp with { AuthSecret = null } },
        "multicast" => Current with { Vrrp = Current.Vrrp with { Mode = VrrpMode.Multicast } },
        "advert_int" => Current with { AdvertInt = Duration.FromSeconds(2) },
        "vrrp version" => Current with { Vrrp = Current.Vrrp with { Mode = VrrpMode.Multicast, AuthSecret = null, Strict = true, Accept = true } },
        "vip address" => Current with { Vip = Current.Vip with { Address = IPAddress.Parse("192.168.88.202") } },
        "vip prefix" => Current with { Vip = Current.Vip with { PrefixLength = 25 } },
        "interface" => Current with { Nodes = Current.Nodes.Select(n => n with { Interface = "eth1" }).ToList() },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static RolloutDecision Decide(Inventory running, Inventory next) =>
        RolloutDecision.For(running.Nodes.Select(n => PlanAgainst(running, next, n.Name)));

    /// <summary>The node runs <paramref name="running"/>'s keepalived.conf; the plan is for <paramref name="next"/>.</summary>
    private static NodePlan PlanAgainst(Inventory running, Inventory next, string node)
    {
        var old = PlanningFixtures.Desired(running, node).File(NodePaths.KeepalivedConfig).Content;
        return PlanningFixtures.Plan(next, WithKeepalivedConf(old, node), node, path => path == NodePaths.KeepalivedConfig ? old : null);
    }

    private static NodeFacts WithKeepalivedConf(string content, string node = "lb1")
    {
        var facts = PlanningFixtures.Converged(node);
        return facts with { Files = facts.Files.Select(f => f.Path == NodePaths.KeepalivedConfig ? f with { Sha256 = ContentDigest.Of(content) } : f).ToList() };
    }
}
