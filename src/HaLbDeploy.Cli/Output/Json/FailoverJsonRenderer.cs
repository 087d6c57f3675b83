using System.Text.Json.Serialization;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>
/// failover-test's answer for machines. Times are seconds relative to the start of the fault (t = 0). The records
/// below are the document's shape, declared here only; verify before and after are verify's rounds.
/// </summary>
public static partial class FailoverJsonRenderer
{
    public static void Write(TextWriter output, FailoverTestReport report) => JsonOutput.Write(output, TestJson.From(report), FailoverShapes.Default);

    private sealed record TestJson(
        string Command,
        string Node,
        string Mode,
        FailoverOutcome Outcome,
        bool Passed,
        string Summary,
        DateTimeOffset? FaultStartedAt,
        string? HolderBefore,
        VerifyJsonRenderer.RoundJson? Before,
        VerifyJsonRenderer.RoundJson? After,
        IReadOnlyList<PhaseJson> Phases,
        IReadOnlyList<EventJson> Events,
        IReadOnlyList<SpanJson> HolderSpans,
        IReadOnlyList<ClockJson> Clocks,
        IReadOnlyList<string> Errors,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AddressJson>? OtherAddresses)
    {
        public static TestJson From(FailoverTestReport r)
        {
            var a = r.Analysis;
            var t = new Seconds(a?.Origin ?? DateTimeOffset.MinValue);
            var phases = a is null ? [] : new[] { a.Failover, a.Failback }.Where(p => p is not null).Select(p => PhaseJson.Of(p!, t)).ToList();
            return new TestJson("failover-test", r.Node, FailoverModeNames.Name(r.Mode), r.Outcome, r.Passed, r.Summary,
                a?.Origin, a?.Scenario.HolderBefore, Round(r.Before), Round(r.After),
                phases, a?.Events.Select(e => new EventJson(t.At(e.At), e.Node, e.Text)).ToList() ?? [],
                a is null || r.Observation is null ? [] : SpanJson.HoldersOf(a, r.Observation, t),
                r.Clocks.Select(ClockJson.From).ToList(),
                r.Errors,
                r.OtherAddresses.Count == 0 ? null : r.OtherAddresses.Select(o => AddressJson.Of(o, t)).ToList());
        }

        private static VerifyJsonRenderer.RoundJson? Round(VerificationReport? report) => report is null ? null : VerifyJsonRenderer.RoundJson.From(report);
    }

    /// <summary>One phase (failover or failback); times in seconds from the fault.</summary>
    private sealed record PhaseJson(
        string Name, double From, double To, double Reference, string ReferenceText, bool Passed, IReadOnlyList<MeasurementJson> Measurements,
        int ProbesSent, int ProbesFailed, double? LongestProbeGap, IReadOnlyList<SpanJson> TwoHolderWindows, IReadOnlyList<string> HoldersAtEnd)
    {
        public static PhaseJson Of(PhaseReport p, Seconds t) => new(
            p.Name, t.At(p.Start), t.At(p.End), t.At(p.Reference), p.ReferenceText, p.Passed,
            p.Measurements.Select(m => new MeasurementJson(m.Name, Seconds.Of(m.Value), Seconds.Of(m.Bound?.Value), m.Bound?.Explanation, m.Passed, m.Detail)).ToList(),
            p.Probes.Sent, p.Probes.Failed, Seconds.Of(p.Probes.LongestGap?.Duration),
            p.TwoHolderWindows.Select(w => new SpanJson(string.Join(",", w.Nodes), t.At(w.Start), t.At(w.End))).ToList(),
            p.HoldersAtEnd);
    }

    /// <summary>Another address of the faulted sync group, with its phases and its holders, as the main address's.</summary>
    private sealed record AddressJson(string Address, bool Passed, IReadOnlyList<PhaseJson> Phases, IReadOnlyList<SpanJson> HolderSpans)
    {
        public static AddressJson Of(AddressAnalysis o, Seconds t) => new(o.Address.ToString(), o.Passed,
            new[] { o.Analysis.Failover, o.Analysis.Failback }.Where(p => p is not null).Select(p => PhaseJson.Of(p!, t)).ToList(),
            SpanJson.HoldersOf(o.Analysis, o.Observation, t));
    }

    /// <summary>A judged measurement; value and bound in seconds.</summary>
    private sealed record MeasurementJson(string Name, double? Value, double? Bound, string? BoundExplanation, bool Passed, string Detail);

    /// <summary>A timeline event, at seconds from the fault.</summary>
    private sealed record EventJson(double At, string? Node, string Text);

    /// <summary>A node holding the VIP (or nodes holding it at once) from..to, in seconds from the fault.</summary>
    private sealed record SpanJson(string Node, double From, double To)
    {
        /// <summary>Each node's stretches of holding the VIP while the test observed, overlapping segments joined, in order of their start.</summary>
        public static List<SpanJson> HoldersOf(FailoverAnalysis analysis, FailoverObservation observation, Seconds t) =>
            analysis.Timeline.Between(observation.Start, observation.End)
                .SelectMany(s => s.Holders.Select(h => (Node: h, s.Start, s.End)))
                .GroupBy(s => s.Node)
                .SelectMany(g => Merge(g.OrderBy(s => s.Start)).Select(s => new SpanJson(g.Key, t.At(s.Start), t.At(s.End))))
                .OrderBy(s => s.From).ToList();

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

    /// <summary>A node's clock offset as measured and as applied to its samples.</summary>
    private sealed record ClockJson(string Node, double OffsetMs, double UncertaintyMs, double AppliedMs)
    {
        public static ClockJson From(NodeClock c) => new(c.Node, Math.Round(c.MeasuredOffset.TotalMilliseconds, 1), Math.Round(c.Uncertainty.TotalMilliseconds, 1), Math.Round(c.AppliedOffset.TotalMilliseconds, 1));
    }

    /// <summary>Times as the document writes them: seconds from the fault (the origin), to the millisecond.</summary>
    private sealed record Seconds(DateTimeOffset Origin)
    {
        public double At(DateTimeOffset time) => Math.Round((time - Origin).TotalSeconds, 3);

        public static double? Of(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 3) : null;
    }

    [JsonSerializable(typeof(TestJson))]
    private sealed partial class FailoverShapes : JsonSerializerContext;
}
