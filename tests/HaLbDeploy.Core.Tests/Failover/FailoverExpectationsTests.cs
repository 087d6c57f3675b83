using HaLbDeploy.Core.Failover;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FailoverExpectationsTests
{
    private static readonly FaultActionRecord Fault = Action("systemctl stop keepalived.service", 0, 1.0);
    private static readonly FaultActionRecord Restore = Action("systemctl start keepalived.service", 4.0, 4.04);

    [Fact]
    public void When_the_faulted_node_held_the_vip_the_highest_remaining_priority_takes_it_over_within_the_takeover_bound()
    {
        var expectation = FailoverExpectations.Failover(Scenario(), Fault);

        Assert.Equal("lb2", expectation.ExpectedHolder);
        Assert.True(expectation.VipMoves);
        Assert.Equal(FailoverBounds.Takeover(FailoverMode.Stop, LabTiming(), "lb2", 90), expectation.Bound);
        Assert.Equal(At(0), expectation.SettleFrom);
    }

    [Fact]
    public void Any_one_backup_alone_settles_the_failover_which_one_is_judged_afterwards()
    {
        var expectation = FailoverExpectations.Failover(Scenario(), Fault);

        Assert.True(expectation.IsSettled(["lb2"]));
        Assert.True(expectation.IsSettled(["lb3"]));
        Assert.False(expectation.IsSettled(["lb1"]));
        Assert.False(expectation.IsSettled(["lb2", "lb3"]));
        Assert.False(expectation.IsSettled([]));
    }

    [Fact]
    public void When_the_faulted_node_did_not_hold_the_vip_it_stays_and_only_a_state_after_the_takeover_bound_settles()
    {
        var expectation = FailoverExpectations.Failover(Scenario(faulted: "lb2"), Fault);

        Assert.Equal("lb1", expectation.ExpectedHolder);
        Assert.False(expectation.VipMoves);
        var bound = FailoverBounds.Takeover(FailoverMode.Stop, LabTiming(), "lb1", 100);
        Assert.Equal(bound, expectation.Bound);
        Assert.Equal(At(0) + bound.Value, expectation.SettleFrom);
        Assert.True(expectation.IsSettled(["lb1"]));
        Assert.False(expectation.IsSettled(["lb3"]));
    }

    [Fact]
    public void A_phase_is_waited_for_twice_its_bound_after_the_action_returned_plus_the_slack()
    {
        var expectation = FailoverExpectations.Failover(Scenario(), Fault);

        Assert.Equal(At(1.0) + 2 * expectation.Bound.Value + S(10), expectation.Deadline(S(10)));
    }

    [Fact]
    public void With_preempt_the_vip_returns_to_the_highest_priority_within_its_failback_bound_counted_from_the_restore_returning()
    {
        var expectation = FailoverExpectations.Failback(Scenario(), "lb2", Restore);

        Assert.Equal("lb1", expectation.ExpectedHolder);
        Assert.True(expectation.VipMoves);
        Assert.Equal(FailoverBounds.Failback(FailoverMode.Stop, LabTiming(), "lb1", 100), expectation.Bound);
        Assert.Equal(At(4.04), expectation.SettleFrom);
        Assert.Equal(At(4.04) + 2 * expectation.Bound.Value + S(2), expectation.Deadline(S(2)));
        Assert.True(expectation.IsSettled(["lb1"]));
        Assert.False(expectation.IsSettled(["lb2"]));
    }

    [Fact]
    public void Without_preempt_the_vip_stays_on_the_holder_at_the_restore_and_only_a_state_after_the_bound_settles()
    {
        var expectation = FailoverExpectations.Failback(Scenario(preempt: false), "lb2", Restore);

        Assert.Equal("lb2", expectation.ExpectedHolder);
        Assert.False(expectation.VipMoves);
        var bound = FailoverBounds.Failback(FailoverMode.Stop, LabTiming(preempt: false), "lb2", 90);
        Assert.Equal(bound, expectation.Bound);
        Assert.Equal(At(4.04) + bound.Value, expectation.SettleFrom);
    }

    [Fact]
    public void The_analyzer_judges_by_the_same_expectations_the_runner_waits_by()
    {
        var observation = GracefulStop();

        var analysis = FailoverAnalyzer.Analyze(observation);

        var takeover = analysis.Failover.Measurements.Single(m => m.Name == "lb2 took the VIP over");
        Assert.Equal(FailoverExpectations.Failover(observation.Scenario, observation.Fault).Bound, takeover.Bound);
        var failback = analysis.Failback!.Measurements.Single(m => m.Name == "the VIP returned to lb1");
        Assert.Equal(FailoverExpectations.Failback(observation.Scenario, "lb2", observation.Restore!).Bound, failback.Bound);
    }
}
