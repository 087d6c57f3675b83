using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>plan and apply when nodes join and retire, on a simulated tier: the order that keeps the VIP where it is (or moves it once).</summary>
public sealed class ConvergerMembershipTests
{
    [Fact]
    public async Task A_retired_holder_is_stopped_first_and_the_members_roll_out_after_the_handover_with_the_new_holder_last()
    {
        var tier = ApplyTier.WithRetiredHolder();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        var changes = tier.Tier.Calls.Where(c => c.IsChange && c.Description is RetireScript.Description or "activate configuration").Select(c => $"{c.Node} {c.Description}");
        Assert.Equal(["lb1 retire node", "lb3 activate configuration", "lb2 activate configuration"], changes);
        Assert.Contains("[retire/*] VIP handed over to lb2", tier.Progress.Lines);
        Assert.Equal("lb2", tier.Tier.VipHolder);
        Assert.Empty(tier["lb1"].Files.Keys.Intersect(NodePaths.Managed));
        var lb1 = report.Nodes.Single(n => n.Node == "lb1");
        Assert.True(lb1 is { Retired: true, Outcome: NodeOutcome.Changed }, lb1.ToString());
        Assert.Equal(ChangeKind.StopUnit, lb1.Changes[0].Kind);
    }

    [Fact]
    public async Task Plan_says_the_retired_holder_hands_the_VIP_over_and_changes_nothing()
    {
        var tier = ApplyTier.WithRetiredHolder();

        var report = await tier.PlanAsync();

        Assert.All(tier.Tier.Calls, c => Assert.False(c.IsChange, c.ToString()));
        Assert.Contains(report.Membership, l => l.StartsWith("lb1 (10.211.0.11) retires and holds the VIP", StringComparison.Ordinal) && l.Contains("moves to lb2 once", StringComparison.Ordinal));
        Assert.Equal(NodeOutcome.Pending, report.Nodes.Single(n => n.Node == "lb1").Outcome);
        Assert.True(report.HasPendingChanges);
    }

    [Fact]
    public async Task An_unreachable_retired_node_stops_the_run_before_anything_changes()
    {
        var tier = ApplyTier.WithRetiredHolder();
        tier["lb1"].ConnectFailure = new HostConnectionException("lb1", "lb1: connection refused");

        var report = await tier.ApplyAsync();

        Assert.False(report.Succeeded);
        Assert.All(tier.Tier.Calls, c => Assert.False(c.IsChange, c.ToString()));
        var error = Assert.Single(report.Errors);
        Assert.StartsWith("lb1 (retired): the retired node 10.211.0.11 cannot be reached", error);
        Assert.Contains("remove it from retired_nodes", error);
    }

    [Fact]
    public async Task A_joining_node_starts_after_every_member_including_the_holder_and_the_VIP_stays()
    {
        var tier = ApplyTier.WithJoiningNode();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(["lb3", "lb2", "lb1", "lb4"], tier.Tier.Calls.Where(c => c.Description == "activate configuration").Select(c => c.Node));
        Assert.Contains("[rollout/*] order: lb3, lb2, lb1, lb4 (the VIP holder after the other members, then the joining nodes)", tier.Progress.Lines);
        Assert.Contains("[plan/*] lb4 joins as a backup, after every member learned it as a unicast peer: the VIP stays on lb1 (lb4's priority 70 < 100)", tier.Progress.Lines);
        Assert.Equal("lb1", tier.Tier.VipHolder);
    }
}
