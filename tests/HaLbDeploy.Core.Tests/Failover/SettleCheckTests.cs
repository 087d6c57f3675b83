using HaLbDeploy.Core.Failover;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class SettleCheckTests
{
    private static readonly string[] All = ["lb1", "lb2"];

    private static bool OnlyLb2(IReadOnlyList<string> holders) => holders.SequenceEqual(["lb2"]);

    [Fact]
    public void A_phase_is_settled_once_every_node_shows_the_expected_holder_for_the_stable_time()
    {
        var timeline = new HolderTimeline(All, Node("lb1", (0, 0.1, true), (0.1, 3, false)).Concat(Node("lb2", (0, 0.7, false), (0.7, 3, true))), S(0.5));

        Assert.True(SettleCheck.IsSettled(timeline, All, At(0), S(1.5), OnlyLb2));
    }

    [Fact]
    public void A_phase_is_not_settled_while_the_expected_holder_has_held_the_vip_too_briefly()
    {
        var timeline = new HolderTimeline(All, Node("lb1", (0, 0.1, true), (0.1, 2, false)).Concat(Node("lb2", (0, 1.2, false), (1.2, 2, true))), S(0.5));

        Assert.False(SettleCheck.IsSettled(timeline, All, At(0), S(1.5), OnlyLb2));
    }

    [Fact]
    public void A_phase_is_not_settled_while_a_required_node_has_not_reported_far_enough()
    {
        var timeline = new HolderTimeline(All, Node("lb1", 0, 1, false).Concat(Node("lb2", 0, 5, true)), S(0.5));

        Assert.False(SettleCheck.IsSettled(timeline, All, At(0), S(1.5), OnlyLb2));
        Assert.True(SettleCheck.IsSettled(timeline, ["lb2"], At(0), S(1.5), OnlyLb2));
    }

    [Fact]
    public void A_phase_is_not_settled_before_the_earliest_moment_it_may_be()
    {
        var timeline = new HolderTimeline(All, Node("lb1", 0, 3, false).Concat(Node("lb2", 0, 3, true)), S(0.5));

        Assert.False(SettleCheck.IsSettled(timeline, All, At(2), S(1.5), OnlyLb2));
    }
}
