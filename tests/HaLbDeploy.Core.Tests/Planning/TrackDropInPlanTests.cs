using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Planning;

public sealed class TrackDropInPlanTests
{
    [Fact]
    public void The_fast_profiles_first_apply_creates_the_drop_in_and_reloads_keepalived_but_leaves_haproxy_running()
    {
        var plan = TrackDropInPlans.DropInLands();

        Assert.True(plan.Touches(ChangeKind.CreateFile, NodePaths.HaproxyTrackDropIn), string.Join("\n", plan.Changes));
        Assert.True(plan.Touches(ChangeKind.UpdateFile, NodePaths.KeepalivedConfig));
        Assert.True(plan.Touches(ChangeKind.ReloadUnit, "keepalived"));
        Assert.DoesNotContain(plan.Changes, c => c.Target == "haproxy");
    }

    [Fact]
    public void Leaving_the_fast_profile_removes_the_drop_in()
    {
        var plan = TrackDropInPlans.DropInGoes();

        var removal = Assert.Single(plan.Of(ChangeKind.RemoveFile));
        Assert.Equal(NodePaths.HaproxyTrackDropIn, removal.Target);
        Assert.Equal("- halb-track.conf removed (no longer rendered for this inventory)", removal.ToString());
        Assert.True(plan.Touches(ChangeKind.UpdateFile, NodePaths.KeepalivedConfig));
    }

    [Fact]
    public void A_default_profile_node_without_the_drop_in_has_nothing_to_remove() =>
        Assert.Empty(PlanningFixtures.Plan(PlanningFixtures.Converged()).Of(ChangeKind.RemoveFile));

    [Fact]
    public void A_converged_fast_node_has_no_change()
    {
        var converged = TrackDropInPlans.DropInGoes().Facts;

        Assert.False(new NodePlanner(TrackDropInPlans.Fast, SecretMasker.For(TrackDropInPlans.Fast)).Plan(TrackDropInPlans.FastDesired, converged).HasChanges);
    }
}
