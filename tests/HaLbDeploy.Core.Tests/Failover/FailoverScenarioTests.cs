using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FailoverScenarioTests
{
    [Fact]
    public void A_scenario_takes_the_priorities_and_timers_from_the_inventory_and_the_least_well_known_clock()
    {
        var inventory = Inventories.Load(Inventories.Valid).Inventory!;
        var options = new FailoverTestOptions("lb2", FailoverMode.KillHaproxy, null) { SampleInterval = TimeSpan.FromMilliseconds(20), ProbeInterval = TimeSpan.FromMilliseconds(30) };
        NodeClock[] clocks = [new("lb1", TimeSpan.Zero, TimeSpan.FromMilliseconds(2)), new("lb2", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(7))];

        var scenario = FailoverScenario.For(inventory, options, "lb1", clocks);

        Assert.Equal("lb2", scenario.FaultedNode);
        Assert.Equal(FailoverMode.KillHaproxy, scenario.Mode);
        Assert.Equal("lb1", scenario.HolderBefore);
        Assert.Equal(inventory.Nodes.Select(n => new NodePriority(n.Name, n.Priority)), scenario.Nodes);
        Assert.Equal(VrrpTiming.From(inventory), scenario.Timing);
        Assert.Equal(TimeSpan.FromMilliseconds(20), scenario.SampleInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(30), scenario.ProbeInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(7), scenario.ClockUncertainty);
    }
}
