using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

public sealed class VerificationRulesTests
{
    private static readonly Inventory ThreeNodes = Inventories.Load(Inventories.ValidWith(
        "  - name: lb2\n    address: 10.0.0.12\n    priority: 90\n",
        "  - name: lb2\n    address: 10.0.0.12\n    priority: 90\n  - name: lb3\n    address: 10.0.0.13\n    priority: 80\n")).Inventory!;

    private static readonly VipProbeResult Answered = new(true, true, 200, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(9));
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static NodeStatus Healthy(string node, bool holdsVip = false) => new()
    {
        Node = node,
        Keepalived = new ServiceStatus("keepalived", "enabled", "active"),
        Haproxy = new ServiceStatus("haproxy", "enabled", "active"),
        LinkUp = true,
        HoldsVip = holdsVip,
        TrackCheckPassed = true,
        StatsClient = "perl",
        Backends = [Server("m1", "UP"), Server("m2", "UP")],
    };

    private static BackendServerStatus Server(string name, string status, string check = "L7OK", int? code = 200) =>
        new("kube-apiserver", name, status, check, code, "");

    private static VerificationReport Judge(params NodeStatus[] nodes) => Judge(Answered, nodes);

    private static VerificationReport Judge(VipProbeResult probe, params NodeStatus[] nodes) =>
        VerificationRules.Judge(ThreeNodes, nodes, "https://10.0.0.100:6443/readyz", probe, At);

    [Fact]
    public void One_holder_all_services_up_and_backends_up_is_healthy()
    {
        var report = Judge(Healthy("lb1", holdsVip: true), Healthy("lb2"), Healthy("lb3"));

        Assert.True(report.Healthy);
        Assert.Empty(report.Problems);
        Assert.Empty(report.Warnings);
        Assert.Equal(["lb1"], report.VipHolders);
        Assert.Equal("OK: lb1 holds the VIP 10.0.0.100; 3/3 nodes healthy; 2/2 backends UP", report.Summary);
        Assert.Equal([DerivedVrrpState.Master, DerivedVrrpState.Backup, DerivedVrrpState.Backup], report.Nodes.Select(n => n.VrrpState));
    }

    [Fact]
    public void Two_holders_are_a_split_brain_that_names_both()
    {
        var report = Judge(Healthy("lb1", holdsVip: true), Healthy("lb2", holdsVip: true), Healthy("lb3"));

        Assert.False(report.Healthy);
        Assert.Equal("split brain: lb1, lb2 hold the VIP 10.0.0.100", report.Problems[0]);
        Assert.StartsWith("UNHEALTHY: split brain: lb1, lb2 hold the VIP", report.Summary);
    }

    [Fact]
    public void No_holder_is_vip_down()
    {
        var report = Judge(Healthy("lb1"), Healthy("lb2"), Healthy("lb3"));

        Assert.False(report.Healthy);
        Assert.Equal("VIP down: no node holds 10.0.0.100", report.Problems[0]);
    }

    [Fact]
    public void A_stopped_keepalived_on_a_backup_is_unhealthy_and_named()
    {
        var stopped = Healthy("lb3") with { Keepalived = new ServiceStatus("keepalived", "enabled", "inactive") };

        var report = Judge(Healthy("lb1", holdsVip: true), Healthy("lb2"), stopped);

        Assert.False(report.Healthy);
        Assert.Equal(["lb3: keepalived is inactive"], report.Problems);
        Assert.Equal(DerivedVrrpState.Stopped, report.Nodes[2].VrrpState);
    }

    [Fact]
    public void A_disabled_haproxy_is_unhealthy_because_it_would_not_come_back_after_a_reboot()
    {
        var disabled = Healthy("lb2") with { Haproxy = new ServiceStatus("haproxy", "disabled", "active") };

        var report = Judge(Healthy("lb1", holdsVip: true), disabled, Healthy("lb3"));

        Assert.Equal(["lb2: haproxy is disabled (not enabled: it would not start at boot)"], report.Problems);
    }

    [Fact]
    public void A_vip_left_behind_by_a_killed_keepalived_is_named_as_such()
    {
        var killed = Healthy("lb1", holdsVip: true) with { Keepalived = new ServiceStatus("keepalived", "enabled", "failed") };

        var report = Judge(killed, Healthy("lb2"), Healthy("lb3"));

        Assert.Contains("lb1 holds the VIP but keepalived is not running: the address was left behind and nothing will move it", report.Problems);
    }

    [Fact]
    public void A_node_whose_haproxy_has_no_backend_up_is_unhealthy_and_the_reasons_are_listed()
    {
        var noBackend = Healthy("lb1", holdsVip: true) with { Backends = [Server("m1", "DOWN", "L4CON", null), Server("m2", "DOWN", "L7STS", 500)] };

        var report = Judge(noBackend, Healthy("lb2"), Healthy("lb3"));

        Assert.False(report.Healthy);
        Assert.Contains("lb1: no backend is UP in haproxy (m1 DOWN (L4CON), m2 DOWN (L7STS 500))", report.Problems);
    }

    [Fact]
    public void One_backend_down_while_another_is_up_is_a_warning_that_names_it_and_every_node()
    {
        Func<string, bool, NodeStatus> withM2Down = (node, vip) => Healthy(node, vip) with { Backends = [Server("m1", "UP"), Server("m2", "DOWN", "L7STS", 500)] };

        var report = Judge(withM2Down("lb1", true), withM2Down("lb2", false), withM2Down("lb3", false));

        Assert.True(report.Healthy);
        Assert.Equal(["backend m2 (10.0.0.22:6443) is DOWN (L7STS 500) on lb1, lb2, lb3"], report.Warnings);
        Assert.Equal("OK: lb1 holds the VIP 10.0.0.100; 3/3 nodes healthy; 1/2 backends UP; 1 warning", report.Summary);
        Assert.Equal([true, false], report.Backends.Select(b => b.Nodes.All(n => n.Status!.IsUp)));
    }

    [Fact]
    public void An_unreachable_node_is_unhealthy_with_its_reason()
    {
        var report = Judge(Healthy("lb1", holdsVip: true), Healthy("lb2"), NodeStatus.Unreachable("lb3", "connection refused"));

        Assert.Equal(["lb3: unreachable: connection refused"], report.Problems);
        Assert.Equal(DerivedVrrpState.Unknown, report.Nodes[2].VrrpState);
    }

    [Fact]
    public void A_node_missing_from_the_reading_counts_as_unreachable()
    {
        var report = Judge(Healthy("lb1", holdsVip: true), Healthy("lb2"));

        Assert.Contains("lb3: unreachable: not read", report.Problems);
    }

    [Fact]
    public void A_vip_that_refuses_connections_is_unhealthy_even_with_one_holder()
    {
        var refused = new VipProbeResult(false, false, null, "connect: connection refused", null, TimeSpan.FromMilliseconds(1));

        var report = Judge(refused, Healthy("lb1", holdsVip: true), Healthy("lb2"), Healthy("lb3"));

        Assert.Equal(["the VIP does not accept connections: https://10.0.0.100:6443/readyz: connect: connection refused"], report.Problems);
    }

    [Fact]
    public void A_readiness_check_answered_with_500_through_the_vip_is_unhealthy()
    {
        var failing = Answered with { HttpStatus = 500 };

        var report = Judge(failing, Healthy("lb1", holdsVip: true), Healthy("lb2"), Healthy("lb3"));

        Assert.Equal(["https://10.0.0.100:6443/readyz through the VIP: HTTP 500"], report.Problems);
    }

    [Fact]
    public void An_api_server_that_wants_credentials_for_readyz_is_only_a_warning()
    {
        var report = Judge(Answered with { HttpStatus = 401 }, Healthy("lb1", holdsVip: true), Healthy("lb2"), Healthy("lb3"));

        Assert.True(report.Healthy);
        Assert.Single(report.Warnings);
    }

    [Fact]
    public void A_drained_backend_is_a_warning_that_says_how_to_undrain_it_and_the_summary_counts_it()
    {
        Func<string, bool, NodeStatus> withM2Drained = (node, vip) => Healthy(node, vip) with { Backends = [Server("m1", "UP"), Server("m2", "DRAIN") with { CurrentSessions = 2 }] };

        var report = Judge(withM2Drained("lb1", true), withM2Drained("lb2", false), withM2Drained("lb3", false));

        Assert.True(report.Healthy);
        Assert.Equal(["backend m2 (10.0.0.22:6443) is drained on lb1, lb2, lb3: it takes no new connections (halb-deploy undrain --backend m2 puts it back)"], report.Warnings);
        Assert.Equal("OK: lb1 holds the VIP 10.0.0.100; 3/3 nodes healthy; 1/2 backends UP, 1 drained; 1 warning", report.Summary);
        Assert.Equal(["lb1", "lb2", "lb3"], report.Backends[1].DrainedOn);
        Assert.Equal("DRAINED (2 sessions)", report.Backends[1].Nodes[0].Status!.Describe());
    }

    [Fact]
    public void Unknown_backend_states_are_a_warning_not_a_failure()
    {
        var blind = Healthy("lb2") with { Backends = [], StatsClient = null, StatsError = "no client for the stats socket (socat, python3 or perl)" };

        var report = Judge(Healthy("lb1", holdsVip: true), blind, Healthy("lb3"));

        Assert.True(report.Healthy);
        Assert.Equal(["lb2: backend states unknown: no client for the stats socket (socat, python3 or perl)"], report.Warnings);
    }

    [Fact]
    public void A_backend_missing_from_a_nodes_haproxy_is_a_warning_to_run_apply()
    {
        var stale = Healthy("lb3") with { Backends = [Server("m1", "UP")] };

        var report = Judge(Healthy("lb1", holdsVip: true), Healthy("lb2"), stale);

        Assert.Equal(["backend m2 (10.0.0.22:6443) is not in haproxy's configuration on lb3 (run apply)"], report.Warnings);
    }

    [Fact]
    public void The_recorded_lab_outputs_make_a_healthy_report_with_api2_named()
    {
        var lab = Inventories.Load(Inventories.Valid.Replace("name: m1", "name: api1", StringComparison.Ordinal).Replace("name: m2", "name: api2", StringComparison.Ordinal)).Inventory!;
        var holder = RecordedStatus.Parse("lb1", RecordedStatus.HolderWithApi2Down);
        var backup = RecordedStatus.Parse("lb2", RecordedStatus.Backup);

        var report = VerificationRules.Judge(lab, [holder, backup], "https://10.0.0.100:6443/readyz", Answered, At);

        Assert.True(report.Healthy, report.Summary);
        Assert.Contains(report.Warnings, w => w.StartsWith("backend api2 (10.0.0.22:6443) is DOWN (L7STS 500) on lb1", StringComparison.Ordinal));
    }

    private static readonly VipProbeResult TimedOut = new(false, false, null, "connect: timed out after 3000 ms", null, TimeSpan.FromSeconds(3));

    private static NodeStatus WithMac(NodeStatus status, string mac) => status with { LinkLayerAddress = mac };

    private static NeighbourEntry Entry(string mac) => new(System.Net.IPAddress.Parse("10.0.0.100"), mac, "br0");

    [Fact]
    public void A_vip_that_times_out_while_this_machines_arp_entry_names_a_backup_says_so_and_how_to_clear_it()
    {
        NodeStatus[] nodes = [WithMac(Healthy("lb1", holdsVip: true), "aa:00:00:00:00:01"), WithMac(Healthy("lb2"), "aa:00:00:00:00:02"), WithMac(Healthy("lb3"), "aa:00:00:00:00:03")];

        var report = VerificationRules.Judge(ThreeNodes, nodes, "https://10.0.0.100:6443/readyz", TimedOut, At, Entry("aa:00:00:00:00:02"));

        Assert.False(report.Healthy);
        Assert.Equal(
            "this machine's ARP entry for 10.0.0.100 names aa:00:00:00:00:02 (lb2), but lb1 (aa:00:00:00:00:01) holds the VIP: the entry is left from an earlier holder. " +
            "lb1 re-announces the VIP every 10 s (vrrp.garp_refresh), which corrects such entries; to clear it here now: ip neigh del 10.0.0.100 dev br0",
            report.Problems[1]);
        Assert.Equal("lb2", report.VipNeighbourNode);
    }

    [Fact]
    public void With_garp_refresh_0_the_stale_entry_problem_says_to_turn_it_on()
    {
        var inventory = ThreeNodes with { Vrrp = ThreeNodes.Vrrp with { GarpRefreshSeconds = 0 } };
        NodeStatus[] nodes = [WithMac(Healthy("lb1", holdsVip: true), "aa:00:00:00:00:01"), Healthy("lb2"), Healthy("lb3")];

        var report = VerificationRules.Judge(inventory, nodes, "https://10.0.0.100:6443/readyz", TimedOut, At, Entry("bb:00:00:00:00:09"));

        var problem = Assert.Single(report.Problems, p => p.StartsWith("this machine's ARP entry", StringComparison.Ordinal));
        Assert.Contains("names bb:00:00:00:00:09, but lb1", problem);
        Assert.Contains("Set vrrp.garp_refresh (e.g. 10) so that lb1 re-announces the VIP", problem);
        Assert.Null(report.VipNeighbourNode);
    }

    [Theory]
    [InlineData("aa:00:00:00:00:01", false)]
    [InlineData("aa:00:00:00:00:02", true)]
    public void The_arp_entry_is_blamed_only_when_the_vip_did_not_connect_and_the_entry_names_another_address(string entryMac, bool connected)
    {
        NodeStatus[] nodes = [WithMac(Healthy("lb1", holdsVip: true), "aa:00:00:00:00:01"), WithMac(Healthy("lb2"), "aa:00:00:00:00:02"), Healthy("lb3")];

        var report = VerificationRules.Judge(ThreeNodes, nodes, "https://10.0.0.100:6443/readyz", connected ? Answered : TimedOut, At, Entry(entryMac));

        Assert.DoesNotContain(report.Problems, p => p.Contains("ARP entry", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vip_that_answers_from_a_mac_no_node_has_is_held_by_a_machine_outside_the_inventory()
    {
        NodeStatus[] nodes = [WithMac(Healthy("lb1", holdsVip: true), "aa:00:00:00:00:01"), WithMac(Healthy("lb2"), "aa:00:00:00:00:02"), WithMac(Healthy("lb3"), "aa:00:00:00:00:03")];

        var report = VerificationRules.Judge(ThreeNodes, nodes, "https://10.0.0.100:6443/readyz", Answered, At, Entry("cc:00:00:00:00:07"));

        Assert.False(report.Healthy);
        Assert.Equal(
            "the VIP 10.0.0.100 answered from cc:00:00:00:00:07, which is no LB node's VRRP interface (lb1 aa:00:00:00:00:01, lb2 aa:00:00:00:00:02, lb3 aa:00:00:00:00:03): " +
            "a machine outside the inventory holds the VIP (a node removed from the inventory with keepalived still running?). Find it with `arping -c 3 -I br0 10.0.0.100` " +
            "(every answer names a MAC), then stop keepalived there or add it back to the inventory",
            Assert.Single(report.Problems));
        Assert.Null(report.VipNeighbourNode);
    }

    [Fact]
    public void A_foreign_answerer_is_not_claimed_while_some_nodes_mac_is_unknown()
    {
        NodeStatus[] nodes = [WithMac(Healthy("lb1", holdsVip: true), "aa:00:00:00:00:01"), WithMac(Healthy("lb2"), "aa:00:00:00:00:02"), Healthy("lb3")];

        var report = VerificationRules.Judge(ThreeNodes, nodes, "https://10.0.0.100:6443/readyz", Answered, At, Entry("cc:00:00:00:00:07"));

        Assert.True(report.Healthy, string.Join("; ", report.Problems));
    }

    [Fact]
    public void A_vip_answering_from_the_holders_mac_is_healthy()
    {
        NodeStatus[] nodes = [WithMac(Healthy("lb1", holdsVip: true), "aa:00:00:00:00:01"), WithMac(Healthy("lb2"), "aa:00:00:00:00:02"), WithMac(Healthy("lb3"), "aa:00:00:00:00:03")];

        var report = VerificationRules.Judge(ThreeNodes, nodes, "https://10.0.0.100:6443/readyz", Answered, At, Entry("aa:00:00:00:00:01"));

        Assert.True(report.Healthy, string.Join("; ", report.Problems));
        Assert.Equal("lb1", report.VipNeighbourNode);
    }

    private static NodeStatus BehindFirewalld(NodeStatus status, params string[] richRules) => status with
    {
        FirewalldRunning = true,
        FirewallZone = new HaLbDeploy.Core.Facts.FirewallZone("public", "default", ["eth0"], [], ["ssh"], ["6443/tcp"], [], richRules),
    };

    [Fact]
    public void A_split_brain_where_firewalld_has_no_rule_for_the_peers_names_firewalld_and_gives_the_exact_fix()
    {
        var report = Judge(Healthy("lb1", holdsVip: true), BehindFirewalld(Healthy("lb2", holdsVip: true)), Healthy("lb3"));

        Assert.False(report.Healthy);
        var problem = Assert.Single(report.Problems, p => p.StartsWith("firewalld on lb2", StringComparison.Ordinal));
        Assert.StartsWith("firewalld on lb2 drops VRRP from lb1 (10.0.0.11), lb3 (10.0.0.13): zone public has no rule accepting it", problem);
        Assert.Contains("firewall-cmd --zone=public --add-rich-rule='rule priority=\"-112\" family=\"ipv4\" source address=\"10.0.0.11\" protocol value=\"vrrp\" accept'", problem);
        Assert.Contains("firewall-cmd --permanent --zone=public --add-rich-rule='rule priority=\"-112\" family=\"ipv4\" source address=\"10.0.0.13\" protocol value=\"vrrp\" accept'", problem);
    }

    [Fact]
    public void A_split_brain_on_nodes_whose_firewalld_accepts_the_peers_does_not_blame_firewalld()
    {
        var report = Judge(Healthy("lb1", holdsVip: true),
            BehindFirewalld(Healthy("lb2", holdsVip: true), "rule family=\"ipv4\" source address=\"10.0.0.0/24\" protocol value=\"vrrp\" accept"), Healthy("lb3"));

        Assert.Contains("split brain: lb1, lb2 hold the VIP 10.0.0.100", report.Problems);
        Assert.DoesNotContain(report.Problems, p => p.Contains("firewalld", StringComparison.Ordinal));
    }

    [Fact]
    public void Firewalld_without_peer_rules_is_not_blamed_while_one_node_alone_holds_the_vip()
    {
        var report = Judge(Healthy("lb1", holdsVip: true), BehindFirewalld(Healthy("lb2")), Healthy("lb3"));

        Assert.True(report.Healthy, string.Join("; ", report.Problems));
    }
}
