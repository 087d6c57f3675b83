using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

/// <summary>verify's judgement of `retired_nodes` (lb9 at 10.0.0.19), through <see cref="VerificationRules.Judge"/>.</summary>
public sealed class RetiredNodeRulesTests
{
    private static readonly Inventory WithRetired = Inventories.Load(Inventories.Valid + "\nretired_nodes:\n  - name: lb9\n    address: 10.0.0.19\n").Inventory!;
    private static readonly VipProbeResult Answered = new(true, true, 200, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(9));

    private static NodeStatus Node(string node, bool holdsVip = false, bool keepalived = true) => new()
    {
        Node = node,
        Keepalived = new ServiceStatus("keepalived", keepalived ? "enabled" : "disabled", keepalived ? "active" : "inactive"),
        Haproxy = new ServiceStatus("haproxy", "enabled", "active"),
        LinkUp = true,
        HoldsVip = holdsVip,
        TrackCheckPassed = true,
        LinkLayerAddress = $"52:54:00:00:00:{node[^1]}0",
    };

    private static VerificationReport Judge(NodeStatus? retired, NeighbourEntry? neighbour = null) =>
        VerificationRules.Judge(WithRetired, [Node("lb1", holdsVip: true), Node("lb2")], "https://10.0.0.100:6443/readyz", Answered, DateTimeOffset.UnixEpoch,
            neighbour, retired is null ? [] : [retired]);

    [Fact]
    public void A_retired_node_with_keepalived_stopped_passes_unmentioned()
    {
        var report = Judge(Node("lb9", keepalived: false));

        Assert.True(report.Healthy, report.Summary);
        Assert.DoesNotContain(report.Warnings, w => w.Contains("lb9", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retired_node_still_running_keepalived_is_a_warning()
    {
        var report = Judge(Node("lb9"));

        Assert.True(report.Healthy);
        Assert.Contains("retired node lb9 (10.0.0.19) still runs keepalived", Assert.Single(report.Warnings));
    }

    [Fact]
    public void A_retired_node_holding_the_vip_is_a_problem()
    {
        var report = Judge(Node("lb9", holdsVip: true));

        Assert.False(report.Healthy);
        Assert.Contains(report.Problems, p => p.StartsWith("retired node lb9 (10.0.0.19) still holds the VIP 10.0.0.100", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retired_node_that_cannot_be_read_is_a_warning_that_says_when_that_is_fine()
    {
        var report = Judge(NodeStatus.Unreachable("lb9", "connection refused"));

        Assert.True(report.Healthy);
        Assert.Contains("could not be read (connection refused)", Assert.Single(report.Warnings));
    }

    [Fact]
    public void The_vip_answering_from_a_retired_nodes_mac_names_that_node()
    {
        var report = Judge(Node("lb9", keepalived: false), new NeighbourEntry(System.Net.IPAddress.Parse("10.0.0.100"), "52:54:00:00:00:90", "eth0"));

        Assert.Contains(report.Problems, p => p.Contains("answered from 52:54:00:00:00:90, the retired node lb9", StringComparison.Ordinal));
    }
}
