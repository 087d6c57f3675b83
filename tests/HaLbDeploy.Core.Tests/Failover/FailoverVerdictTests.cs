using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Verification;
using static HaLbDeploy.Core.Tests.Failover.Series;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FailoverVerdictTests
{
    private static readonly VerificationReport Healthy = new(At(12), true, "OK: lb1 holds the VIP", [], [], "10.0.0.100", ["lb1"], [], [], "https://10.0.0.100:6443/readyz", null);

    private static readonly VerificationReport Unhealthy = Healthy with { Healthy = false, Summary = "lb2: haproxy is inactive" };

    [Fact]
    public void A_passed_test_names_the_takeover_and_the_failback_against_their_bounds()
    {
        var (outcome, summary) = FailoverVerdict.Of(FailoverAnalyzer.Analyze(GracefulStop()), Healthy, interrupted: false);

        Assert.Equal(FailoverOutcome.Passed, outcome);
        Assert.Equal("PASS: lb2 took the VIP over in 0.700 s (bound 1.148 s); the VIP returned to lb1 in 3.690 s (bound 4.109 s); verify OK after the test", summary);
    }

    [Fact]
    public void Another_address_of_the_sync_group_fails_the_test_by_its_own_measurement_and_a_pass_names_it()
    {
        var verdict = FailoverVerdict.Of(FailoverAnalyzer.Analyze(GracefulStop()), Healthy, interrupted: false);
        var v6 = System.Net.IPAddress.Parse("fd00:211::108");
        var late = GracefulStop(takeover: 1.5);
        var passing = GracefulStop();

        var failed = FailoverVerdict.WithOtherAddresses(verdict, [new AddressAnalysis(v6, late, FailoverAnalyzer.Analyze(late))]);
        var passed = FailoverVerdict.WithOtherAddresses(verdict, [new AddressAnalysis(v6, passing, FailoverAnalyzer.Analyze(passing))]);

        Assert.Equal((FailoverOutcome.Failed, "FAIL: fd00:211::108: lb2 took the VIP over: 1.500 s > bound 1.148 s; from the start of the fault to the first sample of lb2 with the VIP"), failed);
        Assert.Equal(FailoverOutcome.Passed, passed.Outcome);
        Assert.EndsWith("; fd00:211::108 measured too, within the bounds", passed.Summary);
        Assert.Equal(verdict, FailoverVerdict.WithOtherAddresses(verdict, []));
    }

    [Fact]
    public void The_first_failed_measurement_is_the_verdict_with_its_value_and_bound()
    {
        var (outcome, summary) = FailoverVerdict.Of(FailoverAnalyzer.Analyze(GracefulStop(takeover: 1.5)), Healthy, interrupted: false);

        Assert.Equal(FailoverOutcome.Failed, outcome);
        Assert.Equal("FAIL: lb2 took the VIP over: 1.500 s > bound 1.148 s; from the start of the fault to the first sample of lb2 with the VIP", summary);
    }

    [Fact]
    public void Passed_measurements_fail_when_verify_after_the_test_is_not_healthy_or_did_not_run()
    {
        var analysis = FailoverAnalyzer.Analyze(GracefulStop());

        Assert.Equal((FailoverOutcome.Failed, "FAIL: verify after the test: lb2: haproxy is inactive"), FailoverVerdict.Of(analysis, Unhealthy, interrupted: false));
        Assert.Equal((FailoverOutcome.Failed, "FAIL: verify after the test: not run"), FailoverVerdict.Of(analysis, null, interrupted: false));
    }

    [Fact]
    public void An_interrupted_test_says_the_node_was_restored_and_whether_verify_is_ok_whatever_was_measured()
    {
        var analysis = FailoverAnalyzer.Analyze(GracefulStop(takeover: 1.5));

        Assert.Equal((FailoverOutcome.Interrupted, "interrupted; the node was restored and verify is OK"), FailoverVerdict.Of(analysis, Healthy, interrupted: true));
        Assert.Equal((FailoverOutcome.Interrupted, "interrupted; the node was restored"), FailoverVerdict.Of(analysis, Unhealthy, interrupted: true));
    }

    [Fact]
    public void A_fault_on_a_backup_passes_when_the_vip_did_not_move()
    {
        var observation = GracefulStop() with
        {
            Scenario = Scenario(faulted: "lb2"),
            Samples = Node("lb1", -1.5, 10, true).Concat(Node("lb2", -1.5, 10, false)).Concat(Node("lb3", -1.5, 10, false)).ToList(),
            Probes = Probes(-1.5, 10, true).ToList(),
            RestoredKeepalivedStartedAt = null,
        };

        var (outcome, summary) = FailoverVerdict.Of(FailoverAnalyzer.Analyze(observation), Healthy, interrupted: false);

        Assert.Equal(FailoverOutcome.Passed, outcome);
        Assert.Equal("PASS: lb2 did not hold the VIP (lb1 did): the VIP did not move, clients saw no outage; verify OK after the test", summary);
    }
}
