using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON answer of failover-test. Times are seconds relative to the start of the fault (t = 0).</summary>
public sealed record FailoverJsonReport(
    string Command,
    string Node,
    string Mode,
    FailoverOutcome Outcome,
    bool Passed,
    string Summary,
    DateTimeOffset? FaultStartedAt,
    string? HolderBefore,
    VerifyJsonReport? Before,
    VerifyJsonReport? After,
    IReadOnlyList<FailoverJsonPhase> Phases,
    IReadOnlyList<FailoverJsonEvent> Events,
    IReadOnlyList<FailoverJsonSpan> HolderSpans,
    IReadOnlyList<FailoverJsonClock> Clocks,
    IReadOnlyList<string> Errors)
{
    public static FailoverJsonReport From(FailoverTestReport r)
    {
        var a = r.Analysis;
        var origin = a?.Origin ?? DateTimeOffset.MinValue;
        double T(DateTimeOffset t) => Math.Round((t - origin).TotalSeconds, 3);
        var phases = a is null ? [] : new[] { a.Failover, a.Failback }.Where(p => p is not null).Select(p => new FailoverJsonPhase(
            p!.Name, T(p.Start), T(p.End), T(p.Reference), p.ReferenceText, p.Passed,
            p.Measurements.Select(m => new FailoverJsonMeasurement(m.Name, Seconds(m.Value), Seconds(m.Bound?.Value), m.Bound?.Explanation, m.Passed, m.Detail)).ToList(),
            p.Probes.Sent, p.Probes.Failed, Seconds(p.Probes.LongestGap?.Duration),
            p.TwoHolderWindows.Select(w => new FailoverJsonSpan(string.Join(",", w.Nodes), T(w.Start), T(w.End))).ToList(),
            p.HoldersAtEnd)).ToList();
        var spans = a is null || r.Observation is null ? [] : a.Timeline.Between(r.Observation.Start, r.Observation.End)
            .SelectMany(s => s.Holders.Select(h => (Node: h, s.Start, s.End)))
            .GroupBy(s => s.Node)
            .SelectMany(g => Merge(g.OrderBy(s => s.Start)).Select(s => new FailoverJsonSpan(g.Key, T(s.Start), T(s.End))))
            .OrderBy(s => s.From).ToList();
        return new FailoverJsonReport("failover-test", r.Node, FailoverModeNames.Name(r.Mode), r.Outcome, r.Passed, r.Summary,
            a?.Origin, a?.Scenario.HolderBefore,
            r.Before is null ? null : VerifyJsonReport.From(r.Before), r.After is null ? null : VerifyJsonReport.From(r.After),
            phases, a?.Events.Select(e => new FailoverJsonEvent(T(e.At), e.Node, e.Text)).ToList() ?? [],
            spans,
            r.Clocks.Select(c => new FailoverJsonClock(c.Node, Math.Round(c.MeasuredOffset.TotalMilliseconds, 1), Math.Round(c.Uncertainty.TotalMilliseconds, 1), Math.Round(c.AppliedOffset.TotalMilliseconds, 1))).ToList(),
            r.Errors);
    }

    private static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 3) : null;

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<(string Node, DateTimeOffset Start, DateTimeOffset End)> spans)
    {
        (DateTimeOffset Start, DateTimeOffset End)? current = null;
        foreach (var s in spans)
        {
            if (current is { } c && s.Start <= c.End) current = (c.Start, s.End > c.End ? s.End : c.End);
            else
            {
                if (current is { } done) yield return done;
                current = (s.Start, s.End);
            }
        }
        if (current is { } last) yield return last;
    }
}
