using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.Rendering;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

/// <summary>VRRPv3 at 0.1 s: skew = (256 - priority) x 0.1 / 256, master-down = 3 x 0.1 + skew, margin 0.2 s.</summary>
public sealed class FastProfileBoundsTests
{
    private static readonly VrrpTiming Fast = new(S(0.1), S(1), 1, 2, 0, true, true) { PreemptDelay = S(3) };

    [Fact]
    public void The_fast_profiles_timing_from_the_inventory_is_vrrp_version_3_at_a_tenth_of_a_second()
    {
        var timing = VrrpTiming.From(ExampleInventory.Fast());

        Assert.Equal(Fast, timing);
    }

    [Fact]
    public void A_graceful_stop_allows_the_scaled_skew_and_the_sub_second_margin()
    {
        var bound = FailoverBounds.Takeover(FailoverMode.Stop, Fast, "lb2", 90);

        Assert.Equal(S(166 * 0.1 / 256 + 0.2), bound.Value);
        Assert.Equal("skew 0.065 s (lb2, priority 90) (priority 0 sent on stop) + margin 0.200 s", bound.Explanation);
    }

    [Fact]
    public void A_hard_fault_allows_three_adverts_of_a_tenth_of_a_second_plus_the_scaled_skew()
    {
        var bound = FailoverBounds.Takeover(FailoverMode.LinkDown, Fast, "lb2", 170);

        Assert.Equal(S(0.3 + 86 * 0.1 / 256 + 0.2), bound.Value);
    }

    [Fact]
    public void A_haproxy_death_allows_one_script_interval_and_the_skew()
    {
        var bound = FailoverBounds.Takeover(FailoverMode.KillHaproxy, Fast, "lb2", 170);

        Assert.Equal(S(1 + 86 * 0.1 / 256 + 0.2), bound.Value);
        Assert.StartsWith("track interval 1.000 s x fall 1 + skew 0.034 s", bound.Explanation);
    }

    [Fact]
    public void With_the_track_file_a_haproxy_death_allows_only_the_skew_and_the_margin_as_the_fault_sends_priority_0()
    {
        var bound = FailoverBounds.Takeover(FailoverMode.KillHaproxy, Fast with { TrackFile = true }, "lb2", 170);

        Assert.Equal(S(86 * 0.1 / 256 + 0.2), bound.Value);
        Assert.Equal("track file (written by systemd when haproxy stops) + skew 0.034 s (lb2, priority 170) (FAULT sends priority 0) + margin 0.200 s", bound.Explanation);
    }

    [Fact]
    public void With_the_track_file_and_a_negative_weight_a_haproxy_death_allows_the_master_down_interval()
    {
        var bound = FailoverBounds.Takeover(FailoverMode.KillHaproxy, Fast with { TrackFile = true, TrackWeight = -200 }, "lb2", 170);

        Assert.Equal(S(0.3 + 86 * 0.1 / 256 + 0.2), bound.Value);
        Assert.StartsWith("track file (written by systemd when haproxy stops) + 3 x advert_int 0.100 s", bound.Explanation);
    }

    [Fact]
    public void The_track_file_leaves_the_failback_to_the_check_scripts_rise()
    {
        var tracked = FailoverBounds.Failback(FailoverMode.KillHaproxy, Fast with { TrackFile = true }, "lb1", 250);

        Assert.Equal(FailoverBounds.Failback(FailoverMode.KillHaproxy, Fast, "lb1", 250), tracked);
    }

    [Fact]
    public void Plan_prints_the_track_files_bound_when_every_node_has_it()
    {
        var summary = FailoverBounds.Summary(ExampleInventory.Fast(), trackFile: true);

        Assert.Equal("failover bounds (lb1 to lb2, VRRPv3, advert_int 0.100 s): graceful stop <= 0.234 s, haproxy dies <= 0.234 s (track file), link down or power off <= 0.534 s; " +
                     "lb1 takes it back <= 3.802 s after its link is up (preempt_delay 3.000 s: its haproxy first sees the servers UP)", summary);
    }

    [Fact]
    public void Validate_which_cannot_know_the_nodes_keepalived_prints_both_haproxy_bounds()
    {
        var summary = FailoverBounds.Summary(ExampleInventory.Fast(), trackFile: null);

        Assert.Contains("haproxy dies <= 0.234 s with the track file (keepalived 2.0.0 or later), else <= 1.234 s,", summary);
    }

    [Fact]
    public void The_failback_after_a_link_down_keeps_the_whole_second_margin_for_the_links_own_settling()
    {
        var bound = FailoverBounds.Failback(FailoverMode.LinkDown, Fast with { PreemptDelay = TimeSpan.Zero }, "lb1", 250);

        Assert.Equal(S(0.3 + 6 * 0.1 / 256 + 0.5), bound.Value);
        Assert.EndsWith("+ margin 0.500 s", bound.Explanation);
    }

    [Fact]
    public void The_failback_waits_the_preempt_delay_before_the_master_down_interval()
    {
        var bound = FailoverBounds.Failback(FailoverMode.LinkDown, Fast, "lb1", 250);

        Assert.Equal(S(3 + 0.3 + 6 * 0.1 / 256 + 0.5), bound.Value);
        Assert.StartsWith("preempt_delay 3.000 s + 3 x advert_int 0.100 s", bound.Explanation);
    }

    [Fact]
    public void After_haproxy_was_down_the_failback_adds_the_preempt_delay_to_the_track_scripts_rise()
    {
        var bound = FailoverBounds.Failback(FailoverMode.KillHaproxy, Fast, "lb1", 250);

        Assert.Equal(S(1 * 2 + 3 + 0.3 + 6 * 0.1 / 256 + 0.5), bound.Value);
        Assert.StartsWith("track interval 1.000 s x rise 2 + preempt_delay 3.000 s + 3 x advert_int", bound.Explanation);
    }

    [Fact]
    public void The_whole_second_profile_keeps_its_half_second_margin() =>
        Assert.Equal(S(0.6484375 + 0.5), FailoverBounds.Takeover(FailoverMode.Stop, LabTiming(), "lb2", 90).Value);

    [Fact]
    public void The_summary_validate_and_plan_print_names_the_bounds_of_the_next_node()
    {
        var summary = FailoverBounds.Summary(ExampleInventory.Fast());

        Assert.Equal("failover bounds (lb1 to lb2, VRRPv3, advert_int 0.100 s): graceful stop <= 0.234 s, haproxy dies <= 1.234 s, link down or power off <= 0.534 s; " +
                     "lb1 takes it back <= 3.802 s after its link is up (preempt_delay 3.000 s: its haproxy first sees the servers UP)", summary);
    }

    [Fact]
    public void The_summary_says_the_first_node_does_not_take_the_VIP_back_with_nopreempt()
    {
        var fast = ExampleInventory.Fast();
        var summary = FailoverBounds.Summary(fast with { Vrrp = fast.Vrrp with { Preempt = false } });

        Assert.EndsWith("; lb1 does not take the VIP back (nopreempt)", summary);
    }

    [Fact]
    public void The_failback_bound_counts_no_delay_when_the_first_node_starts_master_where_keepalived_ignores_it()
    {
        var fast = ExampleInventory.Fast();
        var first = fast.Nodes.MaxBy(n => n.Priority)!;
        var masterFirst = fast with { Nodes = [.. fast.Nodes.Select(n => n == first ? n with { InitialState = VrrpInitialState.Master } : n)] };

        Assert.Equal(TimeSpan.FromSeconds(3), VrrpTiming.From(fast).PreemptDelay);
        Assert.Equal(TimeSpan.Zero, VrrpTiming.From(masterFirst).PreemptDelay);
    }

    [Fact]
    public void The_summary_gives_the_failback_without_a_delay_when_there_is_none()
    {
        var summary = FailoverBounds.Summary(Fast with { PreemptDelay = TimeSpan.Zero }, [new("lb1", 250), new("lb2", 170)]);

        Assert.EndsWith("; lb1 takes it back <= 0.802 s after its link is up", summary);
    }
}
