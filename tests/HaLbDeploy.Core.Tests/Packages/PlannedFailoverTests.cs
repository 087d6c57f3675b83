using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Tests.Packages;

public sealed class PlannedFailoverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1401.6, 1402)]
    [InlineData(1401.4, 1401)]
    [InlineData(1401.5, 1402)]
    public void The_text_prints_the_same_rounded_milliseconds_that_json_reads(double milliseconds, long expected)
    {
        var failover = new PlannedFailover("lb1", "lb2", TimeSpan.FromMilliseconds(milliseconds), T0, T0.AddSeconds(5), 100, 28);

        Assert.Equal(expected, failover.UnreachableMilliseconds);
        Assert.StartsWith($"planned failover: VIP unreachable for {expected} ms (lb1 handed it to lb2", failover.ToString());
    }
}
