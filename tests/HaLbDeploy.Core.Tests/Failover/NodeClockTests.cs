using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class NodeClockTests
{
    private const long EpochNs = 1_795_661_375_357_150_571;

    [Fact]
    public void An_offset_within_its_own_uncertainty_is_not_applied()
    {
        var clock = new NodeClock("lb1", TimeSpan.FromMilliseconds(-4), TimeSpan.FromMilliseconds(6));

        Assert.Equal(TimeSpan.Zero, clock.AppliedOffset);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(EpochNs / 100), clock.ToControlTime(EpochNs));
    }

    [Fact]
    public void A_node_clock_ahead_of_the_control_host_is_moved_back_onto_its_clock()
    {
        var clock = new NodeClock("lb2", TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(6));

        Assert.Equal(TimeSpan.FromMilliseconds(250), clock.AppliedOffset);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(EpochNs / 100).AddMilliseconds(-250), clock.ToControlTime(EpochNs));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_661_347_156).AddMilliseconds(-250), clock.ToControlTimeFromMilliseconds(1_795_661_347_156));
    }
}
