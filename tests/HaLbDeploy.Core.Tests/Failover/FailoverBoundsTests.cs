using HaLbDeploy.Core.Failover;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FailoverBoundsTests
{
    [Theory]
    [InlineData(100, 0.609375)]
    [InlineData(90, 0.6484375)]
    [InlineData(80, 0.6875)]
    [InlineData(255, 0.00390625)]
    public void The_skew_is_256_minus_priority_over_256_seconds(int priority, double seconds) =>
        Assert.Equal(S(seconds), FailoverBounds.Skew(LabTiming(), priority));

    [Fact]
    public void Vrrp_version_3_scales_the_skew_by_the_advert_interval() =>
        Assert.Equal(S(2 * 0.6484375), FailoverBounds.Skew(LabTiming() with { AdvertInterval = S(2), Version3 = true }, 90));

    [Fact]
    public void A_graceful_stop_allows_only_the_new_holders_skew_and_the_margin()
    {
        var bound = FailoverBounds.Takeover(FailoverMode.Stop, LabTiming(), "lb2", 90);

        Assert.Equal(S(0.6484375 + 0.5), bound.Value);
        Assert.Equal("skew 0.648 s (lb2, priority 90) (priority 0 sent on stop) + margin 0.500 s", bound.Explanation);
    }

    [Theory]
    [InlineData(FailoverMode.LinkDown)]
    [InlineData(FailoverMode.PowerOff)]
    public void A_hard_fault_allows_three_adverts_plus_the_skew_and_the_margin(FailoverMode mode)
    {
        var bound = FailoverBounds.Takeover(mode, LabTiming(), "lb2", 90);

        Assert.Equal(S(3 + 0.6484375 + 0.5), bound.Value);
        Assert.StartsWith("3 x advert_int 1.000 s + skew 0.648 s", bound.Explanation);
    }

    [Fact]
    public void The_master_down_interval_grows_with_the_advert_interval() =>
        Assert.Equal(S(9 + 0.6875 + 0.5), FailoverBounds.Takeover(FailoverMode.PowerOff, LabTiming() with { AdvertInterval = S(3) }, "lb3", 80).Value);

    [Fact]
    public void A_killed_haproxy_needs_the_track_script_to_fail_fall_times_before_fault_sends_priority_0() =>
        Assert.Equal(S(1 * 2 + 0.6484375 + 0.5), FailoverBounds.Takeover(FailoverMode.KillHaproxy, LabTiming(), "lb2", 90).Value);

    [Fact]
    public void With_a_negative_track_weight_a_killed_haproxy_waits_for_the_backups_master_down_timer() =>
        Assert.Equal(S(2 + 3 + 0.6484375 + 0.5), FailoverBounds.Takeover(FailoverMode.KillHaproxy, LabTiming() with { TrackWeight = -50 }, "lb2", 90).Value);

    [Theory]
    [InlineData(FailoverMode.Stop, 3 + 0.609375 + 0.5)]
    [InlineData(FailoverMode.LinkDown, 3 + 0.609375 + 0.5)]
    [InlineData(FailoverMode.KillHaproxy, 2 + 3 + 0.609375 + 0.5)]
    [InlineData(FailoverMode.PowerOff, 2 + 3 + 0.609375 + 0.5)]
    public void Failback_by_preemption_takes_the_restored_nodes_master_down_interval_after_its_track_script_rose(FailoverMode mode, double seconds) =>
        Assert.Equal(S(seconds), FailoverBounds.Failback(mode, LabTiming(), "lb1", 100).Value);

    [Fact]
    public void The_probe_gap_may_exceed_the_takeover_bound_by_one_probe_interval() =>
        Assert.Equal(S(1.2), FailoverBounds.ProbeGap(new TimingBound(S(1.15), ""), S(0.05)).Value);

    [Fact]
    public void Two_holders_are_allowed_for_two_sample_intervals_plus_the_clock_uncertainty() =>
        Assert.Equal(S(0.11), FailoverBounds.TwoHolderAllowance(S(0.05), S(0.01)).Value);
}
