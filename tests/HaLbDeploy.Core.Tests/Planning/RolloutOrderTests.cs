using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Tests.Planning;

public sealed class RolloutOrderTests
{
    private static LbNode Node(string name, int priority) =>
        new(name, IPAddress.Loopback, priority, "eth0", VrrpInitialState.Backup, null!);

    [Fact]
    public void The_vip_holder_goes_last_and_the_others_from_lowest_priority_up()
    {
        var nodes = new[] { Node("lb1", 100), Node("lb2", 90), Node("lb3", 80) };

        var order = RolloutOrder.For(nodes, n => n.Name == "lb2");

        Assert.Equal(["lb3", "lb1", "lb2"], order.Select(n => n.Name));
    }

    [Fact]
    public void Without_a_holder_the_highest_priority_goes_first_so_the_vip_never_has_to_move()
    {
        var order = RolloutOrder.For([Node("lb1", 100), Node("lb3", 80), Node("lb2", 90)], _ => false);

        Assert.Equal(["lb1", "lb2", "lb3"], order.Select(n => n.Name));
    }

    [Fact]
    public void A_joining_node_goes_after_the_holder_so_every_member_knows_it_before_it_starts()
    {
        var nodes = new[] { Node("lb1", 100), Node("lb2", 90), Node("lb3", 80), Node("lb4", 70) };

        var order = RolloutOrder.For(nodes, n => n.Name == "lb1", n => n.Name == "lb4");

        Assert.Equal(["lb3", "lb2", "lb1", "lb4"], order.Select(n => n.Name));
    }

    [Fact]
    public void A_joining_node_that_outranks_the_holder_still_goes_after_it()
    {
        var order = RolloutOrder.For([Node("lb1", 100), Node("lb2", 90), Node("lb0", 110)], n => n.Name == "lb1", n => n.Name == "lb0");

        Assert.Equal(["lb2", "lb1", "lb0"], order.Select(n => n.Name));
    }
}
