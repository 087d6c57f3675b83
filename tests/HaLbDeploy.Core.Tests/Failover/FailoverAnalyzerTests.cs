using HaLbDeploy.Core.Failover;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FailoverAnalyzerTests
{
    private static FailoverObservation GracefulStop(double takeover = 0.7, double failback = 7.7) => Series.GracefulStop(takeover, failback);

    private static FailoverMeasurement Measured(PhaseReport phase, string startOfName) =>
        phase.Measurements.Single(m => m.Name.StartsWith(startOfName, StringComparison.Ordinal));

    [Fact]
    public void A_graceful_stop_of_the_holder_hands_the_vip_to_lb2_within_its_skew_and_back_by_preemption()
    {
        var analysis = FailoverAnalyzer.Analyze(GracefulStop());

        Assert.True(analysis.Passed, string.Join("\n", analysis.Failover.Measurements.Concat(analysis.Failback!.Measurements).Select(m => $"{m.Name} {m.Passed} {m.Detail}")));
        Assert.Equal(S(0.05), Measured(analysis.Failover, "lb1 gave the VIP up").Value);
        Assert.Equal(S(0.7), Measured(analysis.Failover, "lb2 took the VIP over").Value);
        Assert.Equal(S(0.6484375 + 0.5), Measured(analysis.Failover, "lb2 took the VIP over").Bound!.Value);
        Assert.True(Measured(analysis.Failover, "the new holder is lb2").Passed);
        Assert.Equal(S(0.7), Measured(analysis.Failover, "longest gap").Value);
        Assert.Equal(["lb2"], analysis.Failover.HoldersAtEnd);
        Assert.Equal(S(7.7 - 4.01), Measured(analysis.Failback, "the VIP returned to lb1").Value);
        Assert.Equal("keepalived started on lb1", analysis.Failback.ReferenceText);
        Assert.Equal(["lb1"], analysis.Failback.HoldersAtEnd);
    }

    [Fact]
    public void A_takeover_slower_than_the_skew_plus_margin_fails_and_says_by_how_much()
    {
        var analysis = FailoverAnalyzer.Analyze(GracefulStop(takeover: 1.5));

        var takeover = Measured(analysis.Failover, "lb2 took the VIP over");
        Assert.False(takeover.Passed);
        Assert.Equal(S(1.5), takeover.Value);
        Assert.False(analysis.Passed);
    }

    [Fact]
    public void When_no_backup_takes_over_the_failover_fails()
    {
        var observation = GracefulStop() with
        {
            Samples = Node("lb1", (-1.5, 0.05, true), (0.05, 10, false)).Concat(Node("lb2", -1.5, 10, false)).Concat(Node("lb3", -1.5, 10, false)).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        var takeover = Measured(analysis.Failover, "a backup took the VIP over");
        Assert.False(takeover.Passed);
        Assert.StartsWith("no other node held the VIP when the phase ended", takeover.Detail);
    }

    [Fact]
    public void A_takeover_by_a_lower_priority_node_than_expected_fails_the_new_holder_check()
    {
        var observation = GracefulStop() with
        {
            Samples = Node("lb1", (-1.5, 0.05, true), (0.05, 7.7, false), (7.7, 10, true))
                .Concat(Node("lb2", -1.5, 10, false))
                .Concat(Node("lb3", (-1.5, 0.7, false), (0.7, 7.75, true), (7.75, 10, false))).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        Assert.True(Measured(analysis.Failover, "lb3 took the VIP over").Passed);
        var check = Measured(analysis.Failover, "the new holder is lb2");
        Assert.False(check.Passed);
        Assert.Equal("lb3 took it over instead of lb2", check.Detail);
    }

    [Fact]
    public void Two_holders_for_longer_than_the_sampling_resolution_fail_and_are_named()
    {
        var observation = GracefulStop() with
        {
            Samples = Node("lb1", (-1.5, 1.5, true), (1.5, 7.7, false), (7.7, 10, true))
                .Concat(Node("lb2", (-1.5, 0.7, false), (0.7, 7.75, true), (7.75, 10, false)))
                .Concat(Node("lb3", -1.5, 10, false)).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        var twoHolders = Measured(analysis.Failover, "two holders at once");
        Assert.False(twoHolders.Passed);
        Assert.Equal(S(0.8), twoHolders.Value);
        Assert.Equal("lb1, lb2 from +0.700 s for 0.800 s", twoHolders.Detail);
        Assert.Single(analysis.Failover.TwoHolderWindows);
    }

    [Fact]
    public void A_preemption_handover_seen_by_one_sample_of_overlap_is_within_the_allowance()
    {
        var analysis = FailoverAnalyzer.Analyze(GracefulStop());

        var overlap = Measured(analysis.Failback!, "two holders at once");
        Assert.True(overlap.Passed);
        Assert.Equal(S(0.05), overlap.Value);
    }

    [Fact]
    public void An_outage_seen_by_the_probes_longer_than_the_bound_fails_even_if_the_samples_look_fine()
    {
        var observation = GracefulStop() with
        {
            Probes = Probes(-1.5, 0.05, true).Concat(Probes(0.05, 2.5, false)).Concat(Probes(2.5, 10, true)).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        var gap = Measured(analysis.Failover, "longest gap");
        Assert.False(gap.Passed);
        Assert.Equal(S(2.5), gap.Value);
        Assert.StartsWith("49 of", gap.Detail);
    }

    [Fact]
    public void Probes_that_failed_before_the_fault_began_do_not_lengthen_the_failover_gap_but_are_named()
    {
        var observation = GracefulStop() with
        {
            Probes = Probes(-1.5, -0.4, true).Concat(Probes(-0.4, 0.7, false, "tls: timed out after 1000 ms")).Concat(Probes(0.7, 10, true)).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        var gap = Measured(analysis.Failover, "longest gap");
        Assert.True(gap.Passed, gap.Detail);
        Assert.InRange(gap.Value!.Value, S(0.699), S(0.701));
        Assert.Contains("from +0.000 s to +0.700 s", gap.Detail);
        Assert.Contains("its first failed probe began 0.400 s before the fault", gap.Detail);
    }

    [Fact]
    public void A_gap_that_begins_after_the_fault_is_measured_whole_and_says_nothing_of_early_probes()
    {
        var observation = GracefulStop() with
        {
            Probes = Probes(-1.5, 0.1, true).Concat(Probes(0.1, 1.9, false)).Concat(Probes(1.9, 10, true)).ToList(),
        };

        var gap = Measured(FailoverAnalyzer.Analyze(observation).Failover, "longest gap");

        Assert.False(gap.Passed, gap.Detail);
        Assert.InRange(gap.Value!.Value, S(1.849), S(1.851));
        Assert.DoesNotContain("before the fault", gap.Detail);
    }

    [Fact]
    public void A_pause_of_the_prober_itself_is_noted_but_is_not_an_outage()
    {
        var observation = GracefulStop() with
        {
            Probes = Probes(-1.5, 0.05, true).Concat(Probes(0.05, 0.7, false)).Concat(Probes(0.7, 5, true)).Concat(Probes(6, 10, true)).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        var gap = Measured(analysis.Failback!, "longest gap");
        Assert.True(gap.Passed, gap.Detail);
        Assert.Contains("the prober itself paused for up to 1.000 s", gap.Detail);
        Assert.InRange(gap.Value!.Value, S(0.049), S(0.051));
        Assert.Equal(S(0.7), Measured(analysis.Failover, "longest gap").Value);
    }

    [Fact]
    public void A_failed_probe_of_a_stalled_prober_in_the_failback_counts_only_the_time_the_prober_watched()
    {
        // CI, StatusLabTests: failback gap 1.057 s against 0.550 s, 1 of 143 probes failed (a TLS timeout), the
        // prober having started nothing else in that second
        var observation = GracefulStop() with
        {
            Probes = Probes(-1.5, 0.05, true).Concat(Probes(0.05, 0.7, false)).Concat(Probes(0.7, 7.7, true))
                .Append(new ProbeSample(At(7.75), S(1.0), false, "tls: timed out after 1000 ms"))
                .Concat(Probes(8.757, 10, true)).ToList(),
        };

        var gap = Measured(FailoverAnalyzer.Analyze(observation).Failback!, "longest gap");

        Assert.True(gap.Passed, gap.Detail);
        Assert.InRange(gap.Value!.Value, S(0.149), S(0.151));
        Assert.Contains("1 failed in it, first: tls: timed out after 1000 ms, 0.957 s of it unwatched (the prober paused)", gap.Detail);
    }

    [Fact]
    public void Failed_probes_in_the_failback_sent_at_the_probers_rhythm_fail_the_gap()
    {
        var observation = GracefulStop() with
        {
            Probes = Probes(-1.5, 0.05, true).Concat(Probes(0.05, 0.7, false)).Concat(Probes(0.7, 7.7, true))
                .Concat(Probes(7.7, 8.4, false, "tls: timed out after 1000 ms")).Concat(Probes(8.4, 10, true)).ToList(),
        };

        var gap = Measured(FailoverAnalyzer.Analyze(observation).Failback!, "longest gap");

        Assert.False(gap.Passed, gap.Detail);
        Assert.InRange(gap.Value!.Value, S(0.749), S(0.751));
        Assert.DoesNotContain("unwatched", gap.Detail);
    }

    [Fact]
    public void A_fault_on_a_node_that_does_not_hold_the_vip_passes_when_the_vip_stays_put()
    {
        var observation = GracefulStop() with
        {
            Scenario = Scenario(faulted: "lb2"),
            Samples = Node("lb1", -1.5, 10, true).Concat(Node("lb2", -1.5, 10, false)).Concat(Node("lb3", -1.5, 10, false)).ToList(),
            Probes = Probes(-1.5, 10, true).ToList(),
            RestoredKeepalivedStartedAt = null,
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        Assert.True(analysis.Passed);
        Assert.True(Measured(analysis.Failover, "the VIP stayed on lb1 (lb2 did not hold it)").Passed);
        Assert.True(Measured(analysis.Failback!, "the VIP stayed on lb1").Passed);
        Assert.Equal(S(0.55), Measured(analysis.Failover, "longest gap").Bound!.Value);
    }

    [Fact]
    public void A_fault_on_a_backup_that_moves_the_vip_fails_and_says_when()
    {
        var observation = GracefulStop() with
        {
            Scenario = Scenario(faulted: "lb2"),
            Samples = Node("lb1", (-1.5, 1, true), (1, 2, false), (2, 10, true)).Concat(Node("lb2", -1.5, 10, false))
                .Concat(Node("lb3", (-1.5, 1.1, false), (1.1, 2, true), (2, 10, false))).ToList(),
            Probes = Probes(-1.5, 10, true).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        var stayed = Measured(analysis.Failover, "the VIP stayed on lb1");
        Assert.False(stayed.Passed);
        Assert.Equal("at +1.000 s (for 0.100 s) the holders were: none", stayed.Detail);
    }

    [Fact]
    public void A_power_cut_releases_the_vip_when_the_fault_returns_and_failback_counts_from_keepalived_start()
    {
        var observation = new FailoverObservation(
            Scenario(mode: FailoverMode.PowerOff),
            Node("lb1", (-1.5, -0.3, true), (7.0, 11.9, false), (11.9, 14, true))
                .Append(new HolderSample("lb1", At(0.25), false, Inferred: true))
                .Concat(Node("lb2", (-1.5, 3.0, false), (3.0, 11.95, true), (11.95, 14, false)))
                .Concat(Node("lb3", -1.5, 14, false)).ToList(),
            Probes(-1.5, 0.1, true).Concat(Probes(0.1, 3.0, false)).Concat(Probes(3.0, 14, true)).ToList(),
            At(-1.5), Action("lab/lab node-off 'lb1'", 0, 0.25), Action("lab/lab node-on 'lb1'", 5.8, 6.8), At(14), At(6.3));

        var analysis = FailoverAnalyzer.Analyze(observation);

        Assert.True(analysis.Passed, string.Join("\n", analysis.Failover.Measurements.Concat(analysis.Failback!.Measurements).Select(m => $"{m.Name} {m.Passed} {m.Detail}")));
        var release = Measured(analysis.Failover, "lb1 gave the VIP up");
        Assert.Equal(S(0.25), release.Value);
        Assert.StartsWith("it was powered off", release.Detail);
        Assert.Equal(S(3.0), Measured(analysis.Failover, "lb2 took the VIP over").Value);
        Assert.Equal(S(3 + 0.6484375 + 0.5), Measured(analysis.Failover, "lb2 took the VIP over").Bound!.Value);
        Assert.Equal("keepalived started on lb1", analysis.Failback.ReferenceText);
        Assert.Equal(S(11.9 - 6.3), Measured(analysis.Failback, "the VIP returned to lb1").Value);
        Assert.Contains(analysis.Events, e => e.Node == "lb1" && e.Text == "powered off: holds nothing");
    }

    [Fact]
    public void A_node_that_cannot_be_sampled_during_a_link_fault_has_its_release_not_judged_but_the_takeover_is()
    {
        var observation = new FailoverObservation(
            Scenario(mode: FailoverMode.LinkDown),
            Node("lb1", (-1.5, -0.1, true), (6.0, 9.6, false), (9.6, 12, true))
                .Concat(Node("lb2", (-1.5, 2.8, false), (2.8, 9.65, true), (9.65, 12, false)))
                .Concat(Node("lb3", -1.5, 12, false)).ToList(),
            Probes(-1.5, 0.05, true).Concat(Probes(0.05, 2.85, false)).Concat(Probes(2.85, 12, true)).ToList(),
            At(-1.5), Action("lab/lab link-down 'lb1'", 0, 0.04), Action("lab/lab link-up 'lb1'", 5.9, 6.0), At(12), null);

        var analysis = FailoverAnalyzer.Analyze(observation);

        var release = Measured(analysis.Failover, "lb1 gave the VIP up");
        Assert.True(release.Passed);
        Assert.Null(release.Value);
        Assert.StartsWith("not observed", release.Detail);
        Assert.Equal(S(2.8), Measured(analysis.Failover, "lb2 took the VIP over").Value);
        Assert.Equal(S(9.6 - 6.0), Measured(analysis.Failback!, "the VIP returned to lb1").Value);
        Assert.True(analysis.Passed);
    }

    [Fact]
    public void With_nopreempt_the_vip_stays_on_the_new_holder_after_the_restore()
    {
        var observation = GracefulStop() with
        {
            Scenario = Scenario(preempt: false),
            Samples = Node("lb1", (-1.5, 0.05, true), (0.05, 10, false)).Concat(Node("lb2", (-1.5, 0.7, false), (0.7, 10, true)))
                .Concat(Node("lb3", -1.5, 10, false)).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        Assert.True(analysis.Passed);
        Assert.True(Measured(analysis.Failback!, "the VIP stayed on lb2 (nopreempt").Passed);
    }

    [Fact]
    public void A_failed_fault_action_fails_the_test()
    {
        var analysis = FailoverAnalyzer.Analyze(GracefulStop() with { Fault = Action("systemctl stop keepalived.service", 0, 0.1, ok: false) });

        var injected = Measured(analysis.Failover, "the fault was injected");
        Assert.False(injected.Passed);
        Assert.Contains("exit 1: it broke", injected.Detail);
    }

    [Fact]
    public void A_failback_that_never_happens_fails()
    {
        var observation = GracefulStop() with
        {
            Samples = Node("lb1", (-1.5, 0.05, true), (0.05, 10, false)).Concat(Node("lb2", (-1.5, 0.7, false), (0.7, 10, true)))
                .Concat(Node("lb3", -1.5, 10, false)).ToList(),
        };

        var analysis = FailoverAnalyzer.Analyze(observation);

        Assert.False(Measured(analysis.Failback!, "the VIP returned to lb1").Passed);
        Assert.False(Measured(analysis.Failback!, "exactly one holder at the end: lb1").Passed);
    }

    [Fact]
    public void The_events_tell_the_story_in_time_order()
    {
        var analysis = FailoverAnalyzer.Analyze(GracefulStop());

        var story = analysis.Events.Select(e => $"{TimeText.Offset(e.At, analysis.Origin)} {e.Node} {e.Text}").ToList();

        Assert.Equal(
        [
            "-1.500 s lb1 holds the VIP",
            "+0.000 s lb1 fault: systemctl stop keepalived.service",
            "+0.050 s lb1 no longer holds the VIP",
            "+0.050 s  probes fail: connect: timed out after 1000 ms",
            "+0.700 s lb2 holds the VIP",
            "+0.700 s  probes succeed again (13 failed, no success for 0.700 s)",
            "+1.000 s lb1 fault action returned (1000 ms)",
            "+4.000 s lb1 restore: systemctl start keepalived.service",
            "+4.010 s lb1 keepalived started",
            "+4.040 s lb1 restore action returned (40 ms)",
            "+7.700 s lb1 holds the VIP",
            "+7.750 s lb2 no longer holds the VIP",
        ], story);
    }
}
