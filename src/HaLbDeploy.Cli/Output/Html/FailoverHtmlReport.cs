using System.Globalization;
using System.Net;
using System.Text;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Cli.Output.Html;

/// <summary>
/// The --report page of failover-test: one self-contained HTML file (inline CSS, inline SVG chart, a few lines of
/// inline script; nothing loaded from anywhere) with the verdict, the judged measurements of both phases, a chart
/// of which node held the VIP and how the probes fared over time, and the timeline of events. Pure: report in, text out.
/// </summary>
public static class FailoverHtmlReport
{
    private const double Width = 1100;
    private const double LabelWidth = 90;
    private const double RightPad = 20;
    private const double LaneHeight = 28;
    private const double LaneGap = 8;
    private const double Top = 30;

    public static string Render(FailoverTestReport report)
    {
        var html = new StringBuilder();
        var title = $"failover-test {FailoverModeNames.Name(report.Mode)} on {report.Node}: {report.Outcome}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(title)}</title>\n");
        html.Append("""
            <style>
            body { font-family: system-ui, sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
            .verdict { font-weight: bold; padding: 6px 10px; display: inline-block; border-radius: 4px; }
            .verdict.passed { background: #d7f5dd; color: #0b5d1e; } .verdict.failed, .verdict.preconditionfailed, .verdict.interrupted { background: #fbdada; color: #8a1111; }
            table { border-collapse: collapse; margin: 8px 0; } td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.fail td { background: #fdeaea; } .pass { color: #0b5d1e; } .failtext { color: #8a1111; font-weight: bold; }
            svg text { font-size: 12px; fill: #333; } .held { fill: #2f7ed8; } .unknown { fill: #d0d0d0; } .probe-ok { fill: #4caf50; } .probe-fail { fill: #e53935; }
            .marker { stroke: #000; stroke-dasharray: 4 3; } .marker-restore { stroke: #7b1fa2; stroke-dasharray: 4 3; } .grid { stroke: #eee; } .axis { stroke: #888; }
            .legend span { display: inline-block; margin-right: 14px; } .swatch { display: inline-block; width: 12px; height: 12px; vertical-align: middle; margin-right: 4px; }
            </style>
            </head>
            <body>

            """);
        html.Append($"<h1>{E(title)}</h1>\n");
        html.Append($"<p><span class=\"verdict {report.Outcome.ToString().ToLowerInvariant()}\" id=\"verdict\">{E(report.Summary)}</span></p>\n");
        if (report.Before is { } before) html.Append($"<p>Before: {E(before.Summary)}</p>\n");
        if (report.After is { } after) html.Append($"<p>After: {E(after.Summary)}</p>\n");

        if (report.Analysis is { } analysis && report.Observation is { } observation)
        {
            html.Append("<h2>Timeline</h2>\n");
            html.Append("""
                <p class="legend"><span><span class="swatch" style="background:#2f7ed8"></span>holds the VIP</span><span><span class="swatch" style="background:#d0d0d0"></span>state unknown (no fresh sample)</span><span><span class="swatch" style="background:#4caf50"></span>probe succeeded</span><span><span class="swatch" style="background:#e53935"></span>probe failed</span><span>dashed lines: fault (black), restore (purple); t = 0 is the start of the fault</span></p>

                """);
            AppendChart(html, analysis, observation);
            html.Append("<p id=\"chart-status\">chart not drawn (the page's script did not run)</p>\n");
            foreach (var phase in new[] { analysis.Failover, analysis.Failback })
            {
                if (phase is not null) AppendPhase(html, phase, analysis.Origin);
            }
            AppendEvents(html, analysis);
            AppendClocks(html, report);
        }
        if (report.Errors.Count > 0)
        {
            html.Append("<h2>Notes</h2>\n<ul>\n");
            foreach (var error in report.Errors) html.Append($"<li>{E(error)}</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("""
            <script>
            (function () {
              var svg = document.getElementById('timeline');
              var status = document.getElementById('chart-status');
              if (!svg || !status) return;
              var lanes = svg.querySelectorAll('g.lane').length;
              var held = svg.querySelectorAll('rect.held').length;
              var probes = svg.querySelectorAll('rect.probe-ok, rect.probe-fail').length;
              status.textContent = 'chart: ' + lanes + ' lanes, ' + held + ' holder spans, ' + probes + ' probe runs';
              status.setAttribute('data-rendered', 'yes');
            })();
            </script>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static void AppendChart(StringBuilder html, FailoverAnalysis analysis, FailoverObservation observation)
    {
        var origin = analysis.Origin;
        var from = observation.Start;
        var to = observation.End;
        if (to <= from) to = from + TimeSpan.FromSeconds(1);
        var nodes = analysis.Scenario.Nodes.Select(n => n.Name).ToList();
        var lanes = nodes.Count + 1;
        var height = Top + lanes * (LaneHeight + LaneGap) + 30;
        double X(DateTimeOffset t) => LabelWidth + Math.Clamp((t - from) / (to - from), 0, 1) * (Width - LabelWidth - RightPad);

        html.Append(CultureInfo.InvariantCulture, $"<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height:0}\" viewBox=\"0 0 {Width} {height:0}\" role=\"img\" aria-label=\"VIP holders and probes over time\">\n");
        // grid and axis: one tick per second relative to the fault
        var axisY = Top + lanes * (LaneHeight + LaneGap);
        var first = (int)Math.Ceiling((from - origin).TotalSeconds);
        var last = (int)Math.Floor((to - origin).TotalSeconds);
        var step = Math.Max(1, (last - first) / 25 + 1);
        for (var s = first; s <= last; s += 1)
        {
            if (s % step != 0) continue;
            var x = X(origin + TimeSpan.FromSeconds(s));
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x:0.0}\" y1=\"{Top - 6}\" x2=\"{x:0.0}\" y2=\"{axisY:0.0}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.0}\" y=\"{axisY + 16:0.0}\" text-anchor=\"middle\">{(s > 0 ? "+" : "")}{s}s</text>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"{axisY:0.0}\" x2=\"{Width - RightPad}\" y2=\"{axisY:0.0}\"/>\n");

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var y = Top + i * (LaneHeight + LaneGap);
            var faulted = node == analysis.Scenario.FaultedNode ? " (faulted)" : "";
            html.Append(CultureInfo.InvariantCulture, $"<g class=\"lane\" data-node=\"{E(node)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + LaneHeight / 2 + 4:0.0}\">{E(node + faulted)}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y:0.0}\" width=\"{Width - LabelWidth - RightPad}\" height=\"{LaneHeight}\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
            foreach (var (start, end, cls) in Spans(analysis.Timeline.Between(from, to), node))
            {
                var x1 = X(start);
                var w = Math.Max(0.5, X(end) - x1);
                var what = cls == "held" ? "holds the VIP" : "state unknown";
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{cls}\" x=\"{x1:0.0}\" y=\"{y + 3:0.0}\" width=\"{w:0.0}\" height=\"{LaneHeight - 6}\"><title>{E(node)} {what} from {Off(start, origin)} to {Off(end, origin)}</title></rect>");
            }
            html.Append("</g>\n");
        }

        var py = Top + nodes.Count * (LaneHeight + LaneGap);
        html.Append(CultureInfo.InvariantCulture, $"<g class=\"lane probes\" data-node=\"probes\"><text x=\"4\" y=\"{py + LaneHeight / 2 + 4:0.0}\">VIP probes</text>");
        html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{py:0.0}\" width=\"{Width - LabelWidth - RightPad}\" height=\"{LaneHeight}\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
        foreach (var run in ProbeRuns(observation.Probes))
        {
            var x1 = X(run.Start);
            var w = Math.Max(1.0, X(run.End) - x1);
            var cls = run.Succeeded ? "probe-ok" : "probe-fail";
            var what = run.Succeeded ? "succeeded" : $"failed ({run.FirstFailure})";
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{cls}\" x=\"{x1:0.0}\" y=\"{py + 5:0.0}\" width=\"{w:0.0}\" height=\"{LaneHeight - 10}\"><title>{run.Count} probe(s) {E(what)} from {Off(run.Start, origin)} to {Off(run.End, origin)}</title></rect>");
        }
        html.Append("</g>\n");

        Marker(html, X(observation.Fault.StartedAt), axisY, "marker", $"fault: {observation.Fault.Description} at {Off(observation.Fault.StartedAt, origin)}");
        if (observation.Restore is { } restore)
            Marker(html, X(restore.StartedAt), axisY, "marker-restore", $"restore: {restore.Description} at {Off(restore.StartedAt, origin)}");
        html.Append("</svg>\n");
    }

    private static void Marker(StringBuilder html, double x, double bottom, string cls, string title) =>
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"{cls}\" x1=\"{x:0.0}\" y1=\"{Top - 14}\" x2=\"{x:0.0}\" y2=\"{bottom:0.0}\"><title>{E(title)}</title></line>\n");

    private static void AppendPhase(StringBuilder html, PhaseReport phase, DateTimeOffset origin)
    {
        html.Append($"<h2>{E(char.ToUpperInvariant(phase.Name[0]) + phase.Name[1..])}</h2>\n");
        html.Append($"<p>From {Off(phase.Start, origin)} to {Off(phase.End, origin)}; times are measured from when {E(phase.ReferenceText)} ({Off(phase.Reference, origin)}). " +
                    $"Probes: {phase.Probes.Sent} sent, {phase.Probes.Failed} failed. Holders at the end: {E(phase.HoldersAtEnd.Count == 0 ? "none" : string.Join(", ", phase.HoldersAtEnd))}.</p>\n");
        html.Append($"<table class=\"measurements\" data-phase=\"{E(phase.Name)}\">\n<tr><th>measurement</th><th>value</th><th>bound</th><th>result</th><th>how</th></tr>\n");
        foreach (var m in phase.Measurements)
        {
            var value = m.Value is { } v ? TimeText.Seconds(v) : "–";
            var bound = m.Bound is { } b ? $"≤ {TimeText.Seconds(b.Value)}<br><small>{E(b.Explanation)}</small>" : "–";
            var result = m.Passed ? "<span class=\"pass\">pass</span>" : "<span class=\"failtext\">FAIL</span>";
            html.Append($"<tr class=\"{(m.Passed ? "ok" : "fail")}\"><td>{E(m.Name)}</td><td class=\"num\">{value}</td><td>{bound}</td><td>{result}</td><td>{E(m.Detail)}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendEvents(StringBuilder html, FailoverAnalysis analysis)
    {
        html.Append("<h2>Events</h2>\n<table class=\"events\">\n<tr><th>time</th><th>node</th><th>event</th></tr>\n");
        foreach (var e in analysis.Events)
            html.Append($"<tr><td class=\"num\">{Off(e.At, analysis.Origin)}</td><td>{E(e.Node ?? "")}</td><td>{E(e.Text)}</td></tr>\n");
        html.Append("</table>\n");
    }

    private static void AppendClocks(StringBuilder html, FailoverTestReport report)
    {
        if (report.Clocks.Count == 0) return;
        html.Append("<h2>Node clocks</h2>\n<table class=\"clocks\">\n<tr><th>node</th><th>measured offset</th><th>uncertainty</th><th>applied</th></tr>\n");
        foreach (var c in report.Clocks)
            html.Append($"<tr><td>{E(c.Node)}</td><td class=\"num\">{c.MeasuredOffset.TotalMilliseconds:0.0} ms</td><td class=\"num\">±{c.Uncertainty.TotalMilliseconds:0.0} ms</td><td class=\"num\">{c.AppliedOffset.TotalMilliseconds:0.0} ms</td></tr>\n");
        html.Append("</table>\n");
    }

    /// <summary>A node's stretches of holding the VIP (or of unknown state), adjacent segments joined.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End, string Class)> Spans(IReadOnlyList<HolderSegment> segments, string node)
    {
        var spans = new List<(DateTimeOffset Start, DateTimeOffset End, string Class)>();
        foreach (var segment in segments)
        {
            var cls = segment.Holders.Contains(node) ? "held" : segment.Unknown.Contains(node) ? "unknown" : null;
            if (cls is null) continue;
            if (spans.Count > 0 && spans[^1].Class == cls && spans[^1].End == segment.Start) spans[^1] = (spans[^1].Start, segment.End, cls);
            else spans.Add((segment.Start, segment.End, cls));
        }
        return spans;
    }

    private sealed record ProbeRun(DateTimeOffset Start, DateTimeOffset End, bool Succeeded, int Count, string? FirstFailure);

    /// <summary>Consecutive probes with the same outcome, drawn as one bar.</summary>
    private static List<ProbeRun> ProbeRuns(IReadOnlyList<ProbeSample> probes)
    {
        var runs = new List<ProbeRun>();
        foreach (var p in probes.OrderBy(p => p.At))
        {
            if (runs.Count > 0 && runs[^1].Succeeded == p.Succeeded)
                runs[^1] = runs[^1] with { End = p.At + p.Duration, Count = runs[^1].Count + 1 };
            else
                runs.Add(new ProbeRun(p.At, p.At + p.Duration, p.Succeeded, 1, p.Failure));
        }
        return runs;
    }

    private static string Off(DateTimeOffset at, DateTimeOffset origin) => TimeText.Offset(at, origin);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
