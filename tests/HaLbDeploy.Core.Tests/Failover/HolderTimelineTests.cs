using HaLbDeploy.Core.Failover;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class HolderTimelineTests
{
    private static readonly string[] Nodes = ["lb1", "lb2"];

    private static HolderTimeline Timeline(params IEnumerable<HolderSample>[] series) =>
        new(Nodes, series.SelectMany(s => s), S(0.5));

    [Fact]
    public void A_handover_gives_segments_of_one_holder_then_none_then_the_other()
    {
        var timeline = Timeline(Node("lb1", (0, 1, true), (1, 3, false)), Node("lb2", (0, 1.5, false), (1.5, 3, true)));

        var segments = timeline.Between(At(0), At(2.9));

        Assert.Equal([["lb1"], [], ["lb2"]], segments.Select(s => s.Holders.ToArray()));
        Assert.Equal([At(0), At(1), At(1.5)], segments.Select(s => s.Start));
    }

    [Fact]
    public void A_change_is_dated_by_the_first_sample_that_shows_it()
    {
        var timeline = Timeline(Node("lb1", (0, 1, false), (1, 2, true)), Node("lb2", 0, 2, false));

        Assert.Equal(At(1), timeline.HoldingSince("lb1", At(1.9)));
        Assert.Equal([At(0), At(1)], timeline.Transitions.Where(t => t.Node == "lb1" && t.HoldsVip is not null).Select(t => t.At));
        Assert.Null(timeline.HoldingSince("lb1", At(0.5)));
    }

    [Fact]
    public void Without_fresh_samples_a_nodes_state_turns_unknown_and_never_counts_as_holding()
    {
        var timeline = Timeline(Node("lb1", 0, 1, true), Node("lb2", 0, 5, false));

        Assert.True(timeline.StateAt("lb1", At(1.2)));
        Assert.Null(timeline.StateAt("lb1", At(1.5)));
        Assert.Empty(timeline.HoldersAt(At(2)));
        Assert.Contains(timeline.Between(At(2), At(3)), s => s.Unknown.Contains("lb1"));
    }

    [Fact]
    public void Samples_resuming_after_a_gap_make_the_state_known_again()
    {
        var timeline = Timeline(Node("lb1", (0, 1, true), (4, 5, true)), Node("lb2", 0, 5, false));

        Assert.Null(timeline.StateAt("lb1", At(3)));
        Assert.Equal(At(4), timeline.HoldingSince("lb1", At(4.5)));
    }

    [Fact]
    public void Two_holders_at_once_are_one_window_naming_both()
    {
        var timeline = Timeline(Node("lb1", 0, 3, true), Node("lb2", (0, 1, false), (1, 2, true), (2, 3, false)));

        var windows = timeline.MultipleHolders(At(0), At(3));

        var window = Assert.Single(windows);
        Assert.Equal((At(1), At(2)), (window.Start, window.End));
        Assert.Equal(["lb1", "lb2"], window.Nodes);
    }

    [Fact]
    public void The_first_release_after_a_moment_is_found_and_an_already_released_node_counts_at_once()
    {
        var timeline = Timeline(Node("lb1", (0, 1.2, true), (1.2, 3, false)), Node("lb2", 0, 3, false));

        Assert.Equal(At(1.2), timeline.FirstRelease("lb1", At(1), At(3))!.At);
        Assert.Equal(At(2), timeline.FirstRelease("lb1", At(2), At(3))!.At);
        Assert.Null(timeline.FirstRelease("lb1", At(0), At(1)));
    }

    [Fact]
    public void A_node_without_samples_is_unknown_throughout()
    {
        var timeline = Timeline(Node("lb2", 0, 1, true));

        Assert.Null(timeline.LastSampleOf("lb1"));
        Assert.All(timeline.Between(At(0), At(1)), s => Assert.Contains("lb1", s.Unknown));
    }
}
