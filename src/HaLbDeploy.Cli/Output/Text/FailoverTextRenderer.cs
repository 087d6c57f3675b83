using System.Text;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Cli.Output.Text;

/// <summary>
/// failover-test's answer for people: a chart of VIP holders and probes (one column per time slice), the events,
/// each phase's measurements beside their bounds, and the verdict.
/// </summary>
public static class FailoverTextRenderer
{
    private const int MaxColumns = 100;

    public static void Write(TextWriter output, FailoverTestReport report)
    {
        output.WriteLine($"failover-test {FailoverModeNames.Name(report.Mode)} on {report.Node}");
        if (report.Before is { } before) output.WriteLine($"before: {before.Summary}; probes: {before.VipTarget}");
        if (report.Analysis is { } analysis && report.Observation is { } observation)
        {
            output.WriteLine();
            WriteChart(output, analysis, observation);
            output.WriteLine();
            output.WriteLine("events (t = 0: the fault began)");
            foreach (var e in analysis.Events)
                output.WriteLine($"  {TimeText.Offset(e.At, analysis.Origin),10}  {e.Node ?? "",-6} {e.Text}");
            foreach (var phase in new[] { analysis.Failover, analysis.Failback })
            {
                if (phase is null) continue;
                output.WriteLine();
                WritePhase(output, phase, analysis.Origin);
            }
            foreach (var other in report.OtherAddresses) WriteOtherAddress(output, other, analysis.Origin);
        }
        foreach (var error in report.Errors) output.WriteLine($"note: {error}");
        output.WriteLine();
        if (report.After is { } after) output.WriteLine($"after: {after.Summary}");
        output.WriteLine(report.Summary);
    }

    /// <summary>Another address of the faulted sync group: its phases as the main address's, from its own samples and probes.</summary>
    private static void WriteOtherAddress(TextWriter output, AddressAnalysis other, DateTimeOffset origin)
    {
        output.WriteLine();
        output.WriteLine($"{other.Address} (the same sync group): {(other.Passed ? "pass" : "FAIL")}");
        foreach (var phase in new[] { other.Analysis.Failover, other.Analysis.Failback })
        {
            if (phase is null) continue;
            WritePhase(output, phase with { Name = $"{phase.Name} of {other.Address}" }, origin);
        }
    }

    private static void WritePhase(TextWriter output, PhaseReport phase, DateTimeOffset origin)
    {
        output.WriteLine($"{phase.Name}: measured from when {phase.ReferenceText} ({TimeText.Offset(phase.Reference, origin)}); " +
                         $"probes {phase.Probes.Sent} sent, {phase.Probes.Failed} failed");
        var rows = new List<string[]> { new[] { "  MEASUREMENT", "VALUE", "BOUND", "RESULT" } };
        foreach (var m in phase.Measurements)
            rows.Add(["  " + m.Name, m.Value is { } v ? TimeText.Seconds(v) : "-", m.Bound is { } b ? "<= " + TimeText.Seconds(b.Value) : "-", m.Passed ? "pass" : "FAIL"]);
        TextTable.Write(output, rows);
        foreach (var m in phase.Measurements)
        {
            var bound = m.Bound is { } b ? $" [bound: {b.Explanation}]" : "";
            output.WriteLine($"    {m.Name}: {m.Detail}{bound}");
        }
    }

    /// <summary>One row per node ('#' holds the VIP, '.' does not, '?' unknown) and one for the probes ('+' all ok, 'x' a failure).</summary>
    private static void WriteChart(TextWriter output, FailoverAnalysis analysis, FailoverObservation observation)
    {
        var from = observation.Start;
        var to = observation.End;
        var span = to - from;
        if (span <= TimeSpan.Zero) return;
        var slice = TimeSpan.FromMilliseconds(Math.Max(100, Math.Ceiling(span.TotalMilliseconds / MaxColumns / 100) * 100));
        var columns = (int)Math.Ceiling(span / slice);
        output.WriteLine($"timeline: one column = {slice.TotalMilliseconds:0} ms; '#' holds the VIP, '.' does not, '?' unknown; probes '+' ok, 'x' failed; F fault, R restore");
        var marks = new char[columns];
        Array.Fill(marks, ' ');
        Mark(marks, observation.Fault.StartedAt, 'F');
        if (observation.Restore is { } restore) Mark(marks, restore.StartedAt, 'R');
        output.WriteLine($"  {"",-8}{new string(marks)}");
        foreach (var node in analysis.Scenario.Nodes.Select(n => n.Name))
        {
            var row = new StringBuilder();
            for (var i = 0; i < columns; i++)
            {
                var mid = from + slice * i + slice / 2;
                row.Append(analysis.Timeline.StateAt(node, mid) switch { true => '#', false => '.', null => '?' });
            }
            output.WriteLine($"  {node,-8}{row}");
        }
        var probes = new StringBuilder();
        for (var i = 0; i < columns; i++)
        {
            var start = from + slice * i;
            var inSlice = observation.Probes.Where(p => p.At >= start && p.At < start + slice).ToList();
            probes.Append(inSlice.Count == 0 ? ' ' : inSlice.All(p => p.Succeeded) ? '+' : 'x');
        }
        output.WriteLine($"  {"probes",-8}{probes}");

        void Mark(char[] row, DateTimeOffset at, char c)
        {
            var i = (int)((at - from) / slice);
            if (i >= 0 && i < row.Length) row[i] = c;
        }
    }
}
