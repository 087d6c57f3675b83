using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

public sealed class VrrpStateDeriverTests
{
    private static readonly NodeStatus Running = new()
    {
        Node = "lb1",
        Keepalived = new ServiceStatus("keepalived", "enabled", "active"),
        Haproxy = new ServiceStatus("haproxy", "enabled", "active"),
        LinkUp = true,
        TrackCheckPassed = true,
    };

    [Fact]
    public void A_running_node_with_the_vip_is_master() =>
        Assert.Equal(DerivedVrrpState.Master, VrrpStateDeriver.Derive(Running with { HoldsVip = true }));

    [Fact]
    public void A_running_node_without_the_vip_is_backup() =>
        Assert.Equal(DerivedVrrpState.Backup, VrrpStateDeriver.Derive(Running));

    [Fact]
    public void A_running_node_whose_link_is_down_is_in_fault() =>
        Assert.Equal(DerivedVrrpState.Fault, VrrpStateDeriver.Derive(Running with { LinkUp = false }));

    [Fact]
    public void A_running_node_whose_track_check_fails_is_in_fault() =>
        Assert.Equal(DerivedVrrpState.Fault, VrrpStateDeriver.Derive(Running with { TrackCheckPassed = false }));

    [Fact]
    public void A_node_whose_keepalived_is_not_running_is_stopped_even_with_a_vip_left_behind() =>
        Assert.Equal(DerivedVrrpState.Stopped, VrrpStateDeriver.Derive(Running with { HoldsVip = true, Keepalived = new ServiceStatus("keepalived", "enabled", "inactive") }));

    [Fact]
    public void An_unreachable_node_is_unknown() =>
        Assert.Equal(DerivedVrrpState.Unknown, VrrpStateDeriver.Derive(NodeStatus.Unreachable("lb1", "connection refused")));
}
