using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Core.Tests.Failover;

/// <summary>Made-up sample series on a fake clock: t = 0 is the fault's start, times in seconds.</summary>
public static class Series
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public const double SampleEvery = 0.05;

    public static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    public static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Samples of one node every 50 ms in [from, to), all with the same answer.</summary>
    public static IEnumerable<HolderSample> Node(string node, double from, double to, bool holds)
    {
        for (var t = from; t < to - 1e-9; t += SampleEvery) yield return new HolderSample(node, At(Math.Round(t, 3)), holds);
    }

    /// <summary>A node's series from spans like (from, to, holds).</summary>
    public static IEnumerable<HolderSample> Node(string node, params (double From, double To, bool Holds)[] spans) =>
        spans.SelectMany(s => Node(node, s.From, s.To, s.Holds));

    /// <summary>Probes every 50 ms in [from, to), succeeding or failing.</summary>
    public static IEnumerable<ProbeSample> Probes(double from, double to, bool ok, string failure = "connect: timed out after 1000 ms")
    {
        for (var t = from; t < to - 1e-9; t += 0.05)
            yield return new ProbeSample(At(Math.Round(t, 3)), TimeSpan.FromMilliseconds(ok ? 8 : 1000), ok, ok ? null : failure);
    }

    public static VrrpTiming LabTiming(bool preempt = true) => new(S(1), S(1), 2, 2, 0, preempt, false);

    public static FailoverScenario Scenario(string faulted = "lb1", FailoverMode mode = FailoverMode.Stop, string holder = "lb1", bool preempt = true) =>
        new(faulted, mode, holder, [new NodePriority("lb1", 100), new NodePriority("lb2", 90), new NodePriority("lb3", 80)],
            LabTiming(preempt), S(SampleEvery), S(0.05), TimeSpan.FromMilliseconds(3));

    public static FaultActionRecord Action(string what, double from, double to, bool ok = true) => new(what, At(from), At(to), ok, ok ? "" : "exit 1: it broke");

    /// <summary>
    /// A graceful stop of the holder lb1 as measured on the lab: lb1 drops the VIP at once, lb2 takes it after its
    /// skew, lb1 preempts 3.6 s after keepalived is back.
    /// </summary>
    public static FailoverObservation GracefulStop(double takeover = 0.7, double failback = 7.7) => new(
        Scenario(),
        Node("lb1", (-1.5, 0.05, true), (0.05, failback, false), (failback, 10, true))
            .Concat(Node("lb2", (-1.5, takeover, false), (takeover, failback + 0.05, true), (failback + 0.05, 10, false)))
            .Concat(Node("lb3", -1.5, 10, false)).ToList(),
        Probes(-1.5, 0.05, true).Concat(Probes(0.05, takeover, false)).Concat(Probes(takeover, 10, true)).ToList(),
        At(-1.5), Action("systemctl stop keepalived.service", 0, 1.0), Action("systemctl start keepalived.service", 4.0, 4.04), At(10), At(4.01));
}
