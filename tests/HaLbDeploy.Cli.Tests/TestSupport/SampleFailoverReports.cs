using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.Failover;

namespace HaLbDeploy.Cli.Tests.TestSupport;

/// <summary>failover-test results from the made-up series of the core's analyzer tests: a pass, a fail, and a test that never started.</summary>
public static class SampleFailoverReports
{
    private static readonly NodeClock[] Clocks =
    [
        NodeClock.Same("lb1"),
        new("lb2", TimeSpan.FromMilliseconds(12.34), TimeSpan.FromMilliseconds(1.25)),
        new("lb3", TimeSpan.FromMilliseconds(-0.4), TimeSpan.FromMilliseconds(0.9)),
    ];

    /// <summary>A graceful stop of the holder lb1: lb2 takes over in 0.7 s, lb1 preempts after the restore.</summary>
    public static FailoverTestReport Passed()
    {
        var observation = Series.GracefulStop();
        return new FailoverTestReport("lb1", FailoverMode.Stop, FailoverOutcome.Passed, "PASS: lb2 took the VIP over in 0.700 s, lb1 took it back",
            SampleVerificationReports.Healthy(), SampleVerificationReports.Healthy(), observation, FailoverAnalyzer.Analyze(observation), Clocks, []);
    }

    /// <summary>
    /// A killed haproxy with a slow takeover (2.5 s), lb3's sampler silent from +3 s to +6 s (its state unknown), and
    /// notes with text that must be escaped.
    /// </summary>
    public static FailoverTestReport Failed()
    {
        var slow = Series.GracefulStop(takeover: 2.5);
        var observation = slow with
        {
            Scenario = Series.Scenario(mode: FailoverMode.KillHaproxy),
            Samples = slow.Samples.Where(s => s.Node != "lb3" || s.At < Series.At(3) || s.At >= Series.At(6)).ToList(),
            Fault = Series.Action("kill -KILL haproxy (restart held off)", 0, 0.02),
            Restore = Series.Action("systemctl start haproxy.service", 4.0, 4.1, ok: false),
        };
        return new FailoverTestReport("lb1", FailoverMode.KillHaproxy, FailoverOutcome.Failed, "FAIL: the node was not restored (systemctl start haproxy.service: exit 1)",
            SampleVerificationReports.Healthy(), SampleVerificationReports.Unhealthy(), observation, FailoverAnalyzer.Analyze(observation), Clocks,
            ["restore: systemctl start haproxy.service: exit 1: it broke", "lb3: sampler \"silent\" for 3.000 s <no output>"]);
    }

    /// <summary>The tier was unhealthy before: no fault, no series, only the verdict and verify's word.</summary>
    public static FailoverTestReport NotStarted() => new("lb2", FailoverMode.LinkDown, FailoverOutcome.PreconditionFailed,
        "not started: the tier is not healthy (nobody holds the VIP)", SampleVerificationReports.Unhealthy(), null, null, null, [],
        ["lb1: unreachable: connect: 192.168.88.91:22: connection refused"]);
}
