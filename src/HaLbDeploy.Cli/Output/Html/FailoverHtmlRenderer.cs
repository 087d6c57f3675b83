using System.Net;
using System.Text;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Cli.Output.Html;

/// <summary>
/// The --report page of failover-test: one self-contained HTML file (inline CSS, inline SVG chart, a few lines of
/// inline script; nothing loaded from anywhere) with the verdict, the judged measurements of both phases, a chart
/// of which node held the VIP and how the probes fared over time, and the timeline of events. Pure: report in, text out.
/// </summary>
public static class FailoverHtmlRenderer
{
    private const string Style = """
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

        """;

    private const string Legend = """
        <p class="legend"><span><span class="swatch" style="background:#2f7ed8"></span>holds the VIP</span><span><span class="swatch" style="background:#d0d0d0"></span>state unknown (no fresh sample)</span><span><span class="swatch" style="background:#4caf50"></span>probe succeeded</span><span><span class="swatch" style="background:#e53935"></span>probe failed</span><span>dashed lines: fault (black), restore (purple); t = 0 is the start of the fault</span></p>

        """;

    /// <summary>Counts what the chart drew, so a browser (or a test driving one) can tell the page rendered.</summary>
    private const string Script = """
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

        """;

    public static string Render(FailoverTestReport report)
    {
        var html = new StringBuilder();
        var title = $"failover-test {FailoverModeNames.Name(report.Mode)} on {report.Node}: {report.Outcome}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(title)}</title>\n");
        html.Append(Style);
        html.Append($"<h1>{E(title)}</h1>\n");
        html.Append($"<p><span class=\"verdict {report.Outcome.ToString().ToLowerInvariant()}\" id=\"verdict\">{E(report.Summary)}</span></p>\n");
        if (report.Before is { } before) html.Append($"<p>Before: {E(before.Summary)}</p>\n");
        if (report.After is { } after) html.Append($"<p>After: {E(after.Summary)}</p>\n");
        if (report.Analysis is { } analysis && report.Observation is { } observation) AppendResults(html, report, analysis, observation);
        if (report.Errors.Count > 0)
        {
            html.Append("<h2>Notes</h2>\n<ul>\n");
            foreach (var error in report.Errors) html.Append($"<li>{E(error)}</li>\n");
            html.Append("</ul>\n");
        }
        html.Append(Script);
        return html.ToString();
    }

    /// <summary>What a test that ran has beyond its verdict: the chart, both phases, the events and the node clocks.</summary>
    private static void AppendResults(StringBuilder html, FailoverTestReport report, FailoverAnalysis analysis, FailoverObservation observation)
    {
        html.Append("<h2>Timeline</h2>\n");
        html.Append(Legend);
        FailoverHtmlChart.Append(html, analysis, observation);
        html.Append("<p id=\"chart-status\">chart not drawn (the page's script did not run)</p>\n");
        foreach (var phase in new[] { analysis.Failover, analysis.Failback })
        {
            if (phase is not null) AppendPhase(html, phase, analysis.Origin);
        }
        AppendEvents(html, analysis);
        AppendClocks(html, report);
    }

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

    private static string Off(DateTimeOffset at, DateTimeOffset origin) => TimeText.Offset(at, origin);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
