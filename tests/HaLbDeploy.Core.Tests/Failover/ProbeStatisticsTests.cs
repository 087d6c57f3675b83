using HaLbDeploy.Core.Failover;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class ProbeStatisticsTests
{
    [Fact]
    public void The_longest_gap_runs_from_the_last_success_before_an_outage_to_the_first_success_after_it()
    {
        var probes = Probes(-1, 0.1, true).Concat(Probes(0.1, 0.7, false)).Concat(Probes(0.7, 3, true)).ToList();

        var stats = ProbeStatistics.For(probes, At(0), At(3));

        Assert.Equal((At(0.05), At(0.7)), (stats.LongestGap!.Start, stats.LongestGap.End));
        Assert.Equal(12, stats.LongestGap.FailedProbes);
        Assert.Equal(At(0.1), stats.LongestGap.FirstFailedAt);
        Assert.Equal("connect: timed out after 1000 ms", stats.LongestGap.FirstFailure);
        Assert.Equal((60, 12), (stats.Sent, stats.Failed));
        Assert.Equal(stats.LongestGap, stats.LongestOutage);
        Assert.Single(stats.Outages);
    }

    [Fact]
    public void Without_failures_the_longest_gap_is_about_one_probe_interval()
    {
        var stats = ProbeStatistics.For(Probes(0, 2, true).ToList(), At(0), At(2));

        Assert.Equal(0, stats.Failed);
        Assert.InRange(stats.LongestGap!.Duration, S(0.049), S(0.051));
        Assert.Empty(stats.Outages);
        Assert.Null(stats.LongestOutage);
    }

    [Fact]
    public void An_outage_that_began_before_the_window_is_measured_whole()
    {
        var probes = Probes(-2, -1, true).Concat(Probes(-1, 0.5, false)).Concat(Probes(0.5, 2, true)).ToList();

        var stats = ProbeStatistics.For(probes, At(0), At(2));

        Assert.InRange(stats.LongestGap!.Duration.TotalSeconds, 1.54, 1.56);
        Assert.Equal(10, stats.Failed);
    }

    [Fact]
    public void An_outage_that_never_ended_reaches_to_the_last_probes_end()
    {
        var probes = Probes(0, 1, true).Concat(Probes(1, 2, false)).ToList();

        var stats = ProbeStatistics.For(probes, At(0), At(2));

        Assert.Equal(At(1.95) + TimeSpan.FromMilliseconds(1000), stats.LongestGap!.End);
    }

    [Fact]
    public void No_probes_give_no_gap() =>
        Assert.Null(ProbeStatistics.For([], At(0), At(1)).LongestGap);
}
