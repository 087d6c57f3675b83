using HaLbDeploy.Core.Failover;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class ProbeStatisticsTests
{
    private static readonly TimeSpan Every = S(0.05);

    [Fact]
    public void The_longest_gap_runs_from_the_last_success_before_an_outage_to_the_first_success_after_it()
    {
        var probes = Probes(-1, 0.1, true).Concat(Probes(0.1, 0.7, false)).Concat(Probes(0.7, 3, true)).ToList();

        var stats = ProbeStatistics.For(probes, At(0), At(3), Every);

        Assert.Equal((At(0.05), At(0.7)), (stats.LongestGap!.Start, stats.LongestGap.End));
        Assert.Equal(12, stats.LongestGap.FailedProbes);
        Assert.Equal(At(0.1), stats.LongestGap.FirstFailedAt);
        Assert.Equal("connect: timed out after 1000 ms", stats.LongestGap.FirstFailure);
        Assert.Equal((60, 12), (stats.Sent, stats.Failed));
        Assert.Equal(stats.LongestGap, stats.LongestOutage);
        Assert.Single(stats.Outages);
        Assert.Equal(stats.LongestGap.Duration, stats.LongestGap.Observed);
        Assert.Empty(stats.Pauses);
    }

    [Fact]
    public void A_stretch_in_which_the_stalled_prober_started_one_failed_probe_counts_only_what_the_prober_watched()
    {
        // CI, StatusLabTests' failback: 1.057 s without a success, one probe (a TLS timeout) started in it
        var probes = Probes(-1, 0, true)
            .Append(new ProbeSample(At(0.05), S(1.0), false, "tls: timed out after 1000 ms"))
            .Concat(Probes(1.057, 2, true)).ToList();

        var stats = ProbeStatistics.For(probes, At(-1), At(2), Every);

        var outage = stats.LongestOutage!;
        Assert.InRange(outage.Duration.TotalSeconds, 1.106, 1.108);
        Assert.Equal([new ProberPause(At(0.1), At(1.057))], outage.Pauses);
        Assert.InRange(outage.Observed.TotalSeconds, 0.149, 0.151);
        Assert.Equal(S(0.957), stats.LongestPause);
    }

    [Fact]
    public void A_pause_inside_a_real_outage_leaves_the_watched_failures_counted()
    {
        var probes = Probes(-1, 0, true).Concat(Probes(0, 1, false)).Concat(Probes(2, 3, false)).Concat(Probes(3, 4, true)).ToList();

        var stats = ProbeStatistics.For(probes, At(-1), At(4), Every);

        var outage = stats.LongestOutage!;
        Assert.InRange(outage.Duration.TotalSeconds, 3.049, 3.051);
        Assert.Equal([new ProberPause(At(1.0), At(2))], outage.Pauses);
        Assert.InRange(outage.Observed.TotalSeconds, 2.049, 2.051);
    }

    [Fact]
    public void Probes_three_intervals_apart_are_not_a_pause_and_a_little_more_is()
    {
        Assert.Null(ProberPause.Between(At(0), At(0.15), Every));
        Assert.Equal(new ProberPause(At(0.05), At(0.151)), ProberPause.Between(At(0), At(0.151), Every));
    }

    [Fact]
    public void A_stretch_measured_from_a_later_start_keeps_only_the_pauses_after_it()
    {
        var window = new ProbeWindow(At(0), At(2), 3, At(0.5), "connect: refused", [new ProberPause(At(0.1), At(0.4)), new ProberPause(At(0.8), At(1.2))]);

        var clipped = window.From(At(1));

        Assert.Equal(At(1), clipped.Start);
        Assert.Equal([new ProberPause(At(1), At(1.2))], clipped.Pauses);
        Assert.Equal(S(0.8), clipped.Observed);
        Assert.Same(window, window.From(At(-1)));
    }

    [Fact]
    public void Without_failures_the_longest_gap_is_about_one_probe_interval()
    {
        var stats = ProbeStatistics.For(Probes(0, 2, true).ToList(), At(0), At(2), Every);

        Assert.Equal(0, stats.Failed);
        Assert.InRange(stats.LongestGap!.Duration, S(0.049), S(0.051));
        Assert.Empty(stats.Outages);
        Assert.Null(stats.LongestOutage);
    }

    [Fact]
    public void An_outage_that_began_before_the_window_is_measured_whole()
    {
        var probes = Probes(-2, -1, true).Concat(Probes(-1, 0.5, false)).Concat(Probes(0.5, 2, true)).ToList();

        var stats = ProbeStatistics.For(probes, At(0), At(2), Every);

        Assert.InRange(stats.LongestGap!.Duration.TotalSeconds, 1.54, 1.56);
        Assert.Equal(10, stats.Failed);
    }

    [Fact]
    public void An_outage_that_never_ended_reaches_to_the_last_probes_end()
    {
        var probes = Probes(0, 1, true).Concat(Probes(1, 2, false)).ToList();

        var stats = ProbeStatistics.For(probes, At(0), At(2), Every);

        Assert.Equal(At(1.95) + TimeSpan.FromMilliseconds(1000), stats.LongestGap!.End);
    }

    [Fact]
    public void No_probes_give_no_gap() =>
        Assert.Null(ProbeStatistics.For([], At(0), At(1), Every).LongestGap);
}
