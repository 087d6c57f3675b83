using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

/// <summary>verify with a `vips:` list: every VIP address held by exactly one node, a dual-stack pair never split, every VIP probed.</summary>
public sealed class VipListRulesTests
{
    private static readonly Inventory TwoVips = Inventories.Load("""
        cluster: prod
        interface: eth0
        vips:
          - name: api
            address: 10.0.0.100/24
            address6: fd00:1::100/64
          - name: ingress
            address: 10.0.0.101/24
            priorities: {lb1: 50, lb2: 150}
        nodes:
          - name: lb1
            address: 10.0.0.11
            address6: fd00:1::11
            priority: 100
          - name: lb2
            address: 10.0.0.12
            address6: fd00:1::12
            priority: 90
        backends:
          - name: m1
            address: 10.0.0.21
        """).Inventory!;

    private static readonly VipProbeResult Answered = new(true, true, 200, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(9));
    private static readonly VipProbeResult Refused = new(false, false, null, "connection refused", null, TimeSpan.FromMilliseconds(2));
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static NodeStatus Node(string node, params string[] holds) => new()
    {
        Node = node,
        Keepalived = new ServiceStatus("keepalived", "enabled", "active"),
        Haproxy = new ServiceStatus("haproxy", "enabled", "active"),
        LinkUp = true,
        HoldsVip = holds.Contains("10.0.0.100"),
        LocalAddresses = [.. holds.Select(IPAddress.Parse)],
        TrackCheckPassed = true,
        StatsClient = "perl",
        Backends = [new BackendServerStatus("kube-apiserver", "m1", "UP", "L7OK", 200, "")],
    };

    private static VerificationReport Judge(VipProbeResult ingressProbe, params NodeStatus[] nodes) =>
        VerificationRules.Judge(TwoVips, nodes, "https://10.0.0.100:6443/readyz", Answered, At, null,
            otherVipProbes: [new("fd00:1::100", "https://[fd00:1::100]:6443/readyz", Answered), new("10.0.0.101", "https://10.0.0.101:6443/readyz", ingressProbe)]);

    [Fact]
    public void Each_vip_on_its_preferred_node_and_answering_is_healthy_and_the_summary_names_every_holder()
    {
        var report = Judge(Answered, Node("lb1", "10.0.0.100", "fd00:1::100"), Node("lb2", "10.0.0.101"));

        Assert.True(report.Healthy, string.Join("\n", report.Problems));
        Assert.StartsWith("OK: lb1 holds the VIP 10.0.0.100, lb1 holds api fd00:1::100, lb2 holds ingress 10.0.0.101;", report.Summary);
        Assert.Equal(["lb1", "lb1", "lb2"], report.Vips.Select(v => Assert.Single(v.Holders)));
        Assert.Equal(["lb1", "lb1", "lb2"], report.Vips.Select(v => v.PreferredHolder));
    }

    [Fact]
    public void A_second_vip_held_by_two_nodes_is_a_split_brain_of_that_vip()
    {
        var report = Judge(Answered, Node("lb1", "10.0.0.100", "fd00:1::100", "10.0.0.101"), Node("lb2", "10.0.0.101"));

        Assert.False(report.Healthy);
        Assert.Contains("split brain: lb1, lb2 hold the VIP ingress (10.0.0.101)", report.Problems);
    }

    [Fact]
    public void A_second_vip_nobody_holds_is_down_and_its_failed_probe_is_a_problem()
    {
        var report = Judge(Refused, Node("lb1", "10.0.0.100", "fd00:1::100"), Node("lb2"));

        Assert.Contains("VIP down: no reachable node holds the VIP ingress (10.0.0.101)", report.Problems);
        Assert.Contains(report.Problems, p => p.StartsWith("the VIP ingress (10.0.0.101) does not serve: https://10.0.0.101:6443/readyz", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dual_stack_pair_on_two_nodes_is_reported_as_split()
    {
        var report = Judge(Answered, Node("lb1", "10.0.0.100", "10.0.0.101"), Node("lb2", "fd00:1::100"));

        Assert.Contains("the dual-stack VIP api is split: 10.0.0.100 on lb1, fd00:1::100 on lb2 (its sync group should keep them on one node)", report.Problems);
    }

    [Fact]
    public void The_vip_shorthand_reports_no_vip_list()
    {
        var shorthand = Inventories.Load(Inventories.Valid).Inventory!;
        var report = VerificationRules.Judge(shorthand, [Node("lb1", "10.0.0.100"), Node("lb2")], "https://10.0.0.100:6443/readyz", Answered, At);

        Assert.True(report.Healthy, string.Join("\n", report.Problems));
        Assert.Empty(report.Vips);
    }
}
