using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Tests.Model;

public sealed class VrrpElectionTests
{
    private sealed record Node(string Name, int Priority);

    private static readonly Node[] Tier = [new("lb2", 90), new("lb1", 100), new("lb3", 80)];

    [Fact]
    public void The_highest_priority_of_the_competing_nodes_wins()
    {
        Assert.Equal("lb1", VrrpElection.Winner(Tier, n => n.Priority)!.Name);
        Assert.Equal("lb2", VrrpElection.Winner(Tier.Where(n => n.Name != "lb1"), n => n.Priority)!.Name);
    }

    [Fact]
    public void With_no_node_competing_there_is_no_winner()
    {
        Assert.Null(VrrpElection.Winner(Array.Empty<Node>(), n => n.Priority));
    }

    [Fact]
    public void With_preempt_the_settled_holder_is_the_winner_among_live_nodes_and_with_nopreempt_any_holder_is_settled()
    {
        var live = Tier.Where(n => n.Name != "lb1").ToList();
        Assert.Equal("lb2", VrrpElection.SettledHolder(preempt: true, live, n => n.Priority)!.Name);
        Assert.Null(VrrpElection.SettledHolder(preempt: false, live, n => n.Priority));
    }

    [Fact]
    public void Preference_order_is_highest_priority_first()
    {
        Assert.Equal(["lb1", "lb2", "lb3"], VrrpElection.ByPreference(Tier, n => n.Priority, n => n.Name).Select(n => n.Name));
    }
}
