using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FaultActionTextTests
{
    private static readonly HaLbDeploy.Core.Model.LbNode Lb1 = Inventories.Load(Inventories.Valid).Inventory!.Nodes[0];

    [Fact]
    public void Without_hooks_the_built_in_action_is_named()
    {
        var options = new FailoverTestOptions("lb1", FailoverMode.Stop, null);

        Assert.Equal(FaultScripts.Describe(FailoverMode.Stop), FaultActionText.Fault(options, Lb1));
        Assert.Equal(FaultScripts.DescribeRestore(FailoverMode.Stop), FaultActionText.Restore(options, Lb1));
    }

    [Fact]
    public void A_hook_is_shown_as_the_command_that_runs_on_the_control_host()
    {
        var options = new FailoverTestOptions("lb1", FailoverMode.LinkDown, new FaultHooks("virsh domif-setlink {node} vnet0 down", "virsh domif-setlink {node} vnet0 up # {address}"));

        Assert.Equal("virsh domif-setlink 'lb1' vnet0 down (on the control host)", FaultActionText.Fault(options, Lb1));
        Assert.Equal("virsh domif-setlink 'lb1' vnet0 up # '10.0.0.11' (on the control host)", FaultActionText.Restore(options, Lb1));
    }
}
