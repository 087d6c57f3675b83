using System.Globalization;
using System.Net;
using System.Text;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Cli.Output.Html;

/// <summary>
/// The SVG chart of the --report page: a lane per node with its stretches of holding the VIP (or of unknown state),
/// a lane of probe runs, a tick per second from the fault, and dashed lines at the fault and the restore.
/// </summary>
internal static class FailoverHtmlChart
{
    private const double Width = 1100;
    private const double LabelWidth = 90;
    private const double RightPad = 20;
    private const double LaneHeight = 28;
    private const double LaneGap = 8;
    private const double Top = 30;

    public static void Append(StringBuilder html, FailoverAnalysis analysis, FailoverObservation observation)
    {
        var to = observation.End <= observation.Start ? observation.Start + TimeSpan.FromSeconds(1) : observation.End;
        var axis = new TimeAxis(observation.Start, to, analysis.Origin);
        var nodes = analysis.Scenario.Nodes.Select(n => n.Name).ToList();
        var lanes = nodes.Count + 1;
        var height = Top + lanes * (LaneHeight + LaneGap) + 30;
        var axisY = Top + lanes * (LaneHeight + LaneGap);

        html.Append(CultureInfo.InvariantCulture, $"<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height:0}\" viewBox=\"0 0 {Width} {height:0}\" role=\"img\" aria-label=\"VIP holders and probes over time\">\n");
        AppendSeconds(html, axis, axisY);
        for (var i = 0; i < nodes.Count; i++)
            AppendNodeLane(html, axis, analysis, nodes[i], Top + i * (LaneHeight + LaneGap));
        AppendProbeLane(html, axis, observation.Probes, Top + nodes.Count * (LaneHeight + LaneGap));

        Marker(html, axis.X(observation.Fault.StartedAt), axisY, "marker", $"fault: {observation.Fault.Description} at {axis.Off(observation.Fault.StartedAt)}");
        if (observation.Restore is { } restore)
            Marker(html, axis.X(restore.StartedAt), axisY, "marker-restore", $"restore: {restore.Description} at {axis.Off(restore.StartedAt)}");
        html.Append("</svg>\n");
    }

    /// <summary>The grid and the axis: one tick per second relative to the fault (fewer on long runs).</summary>
    private static void AppendSeconds(StringBuilder html, TimeAxis axis, double axisY)
    {
        var first = (int)Math.Ceiling((axis.From - axis.Origin).TotalSeconds);
        var last = (int)Math.Floor((axis.To - axis.Origin).TotalSeconds);
        var step = Math.Max(1, (last - first) / 25 + 1);
        for (var s = first; s <= last; s += 1)
        {
            if (s % step != 0) continue;
            var x = axis.X(axis.Origin + TimeSpan.FromSeconds(s));
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x:0.0}\" y1=\"{Top - 6}\" x2=\"{x:0.0}\" y2=\"{axisY:0.0}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.0}\" y=\"{axisY + 16:0.0}\" text-anchor=\"middle\">{(s > 0 ? "+" : "")}{s}s</text>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"{axisY:0.0}\" x2=\"{Width - RightPad}\" y2=\"{axisY:0.0}\"/>\n");
    }

    private static void AppendNodeLane(StringBuilder html, TimeAxis axis, FailoverAnalysis analysis, string node, double y)
    {
        var faulted = node == analysis.Scenario.FaultedNode ? " (faulted)" : "";
        html.Append(CultureInfo.InvariantCulture, $"<g class=\"lane\" data-node=\"{E(node)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + LaneHeight / 2 + 4:0.0}\">{E(node + faulted)}</text>");
        html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y:0.0}\" width=\"{Width - LabelWidth - RightPad}\" height=\"{LaneHeight}\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
        foreach (var (start, end, cls) in Spans(analysis.Timeline.Between(axis.From, axis.To), node))
        {
            var x1 = axis.X(start);
            var w = Math.Max(0.5, axis.X(end) - x1);
            var what = cls == "held" ? "holds the VIP" : "state unknown";
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{cls}\" x=\"{x1:0.0}\" y=\"{y + 3:0.0}\" width=\"{w:0.0}\" height=\"{LaneHeight - 6}\"><title>{E(node)} {what} from {axis.Off(start)} to {axis.Off(end)}</title></rect>");
        }
        html.Append("</g>\n");
    }

    private static void AppendProbeLane(StringBuilder html, TimeAxis axis, IReadOnlyList<ProbeSample> probes, double y)
    {
        html.Append(CultureInfo.InvariantCulture, $"<g class=\"lane probes\" data-node=\"probes\"><text x=\"4\" y=\"{y + LaneHeight / 2 + 4:0.0}\">VIP probes</text>");
        html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y:0.0}\" width=\"{Width - LabelWidth - RightPad}\" height=\"{LaneHeight}\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
        foreach (var run in ProbeRuns(probes))
        {
            var x1 = axis.X(run.Start);
            var w = Math.Max(1.0, axis.X(run.End) - x1);
            var cls = run.Succeeded ? "probe-ok" : "probe-fail";
            var what = run.Succeeded ? "succeeded" : $"failed ({run.FirstFailure})";
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{cls}\" x=\"{x1:0.0}\" y=\"{y + 5:0.0}\" width=\"{w:0.0}\" height=\"{LaneHeight - 10}\"><title>{run.Count} probe(s) {E(what)} from {axis.Off(run.Start)} to {axis.Off(run.End)}</title></rect>");
        }
        html.Append("</g>\n");
    }

    private static void Marker(StringBuilder html, double x, double bottom, string cls, string title) =>
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"{cls}\" x1=\"{x:0.0}\" y1=\"{Top - 14}\" x2=\"{x:0.0}\" y2=\"{bottom:0.0}\"><title>{E(title)}</title></line>\n");

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

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private sealed record ProbeRun(DateTimeOffset Start, DateTimeOffset End, bool Succeeded, int Count, string? FirstFailure);

    /// <summary>Where a moment goes on the chart (x, clamped to the plot) and how it is labelled (seconds from the fault).</summary>
    private sealed record TimeAxis(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Origin)
    {
        public double X(DateTimeOffset t) => LabelWidth + Math.Clamp((t - From) / (To - From), 0, 1) * (Width - LabelWidth - RightPad);

        public string Off(DateTimeOffset at) => TimeText.Offset(at, Origin);
    }
}
