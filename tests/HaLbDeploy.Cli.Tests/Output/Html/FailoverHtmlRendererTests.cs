using System.Text.RegularExpressions;
using HaLbDeploy.Cli.Output.Html;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.Failover;

namespace HaLbDeploy.Cli.Tests.Output.Html;

public sealed partial class FailoverHtmlRendererTests
{
    private static FailoverTestReport Report(FailoverObservation observation)
    {
        var analysis = FailoverAnalyzer.Analyze(observation);
        return new FailoverTestReport("lb1", FailoverMode.Stop, analysis.Passed ? FailoverOutcome.Passed : FailoverOutcome.Failed, "PASS: lb2 took the VIP over",
            null, null, observation, analysis, [NodeClock.Same("lb1")], []);
    }

    [Fact]
    public void The_chart_has_a_lane_per_node_and_one_for_the_probes_with_holder_spans_probe_runs_and_event_markers()
    {
        var html = FailoverHtmlRenderer.Render(Report(Series.GracefulStop()));

        Assert.Contains("<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\"", html);
        Assert.Equal(["lb1", "lb2", "lb3", "probes"], LaneNodes().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(3, HeldSpans().Count(html));
        Assert.Equal(2, ProbeOk().Count(html));
        Assert.Equal(1, ProbeFail().Count(html));
        Assert.Contains("<line class=\"marker\"", html);
        Assert.Contains("<line class=\"marker-restore\"", html);
        Assert.Contains(">+1s</text>", html);
    }

    [Fact]
    public void The_page_shows_the_verdict_and_every_measurement_with_its_bound()
    {
        var html = FailoverHtmlRenderer.Render(Report(Series.GracefulStop()));

        Assert.Contains("<span class=\"verdict passed\" id=\"verdict\">PASS: lb2 took the VIP over</span>", html);
        Assert.Contains("<table class=\"measurements\" data-phase=\"failover\">", html);
        Assert.Contains("<table class=\"measurements\" data-phase=\"failback\">", html);
        Assert.Contains("<td>lb2 took the VIP over</td><td class=\"num\">0.700 s</td><td>≤ 1.148 s<br><small>skew 0.648 s (lb2, priority 90)", html);
        Assert.Contains("<table class=\"events\">", html);
    }

    [Fact]
    public void The_page_loads_nothing_from_anywhere()
    {
        var html = FailoverHtmlRenderer.Render(Report(Series.GracefulStop()));

        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("@import", html);
        Assert.Equal(["http://www.w3.org/2000/svg"], Urls().Matches(html).Select(m => m.Value).Distinct());
    }

    [Fact]
    public void Text_from_the_run_is_html_encoded()
    {
        var observation = Series.GracefulStop() with { Fault = Series.Action("<script>alert(1)</script>", 0, 1) };

        var html = FailoverHtmlRenderer.Render(Report(observation));

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void A_test_that_never_started_still_renders_its_verdict_without_a_chart()
    {
        var report = new FailoverTestReport("lb1", FailoverMode.Stop, FailoverOutcome.PreconditionFailed, "not started: the tier is not healthy", null, null, null, null, [], ["lb2: unreachable"]);

        var html = FailoverHtmlRenderer.Render(report);

        Assert.Contains("not started: the tier is not healthy", html);
        Assert.DoesNotContain("<svg", html);
        Assert.Contains("<li>lb2: unreachable</li>", html);
    }

    [GeneratedRegex("<g class=\"lane[^\"]*\" data-node=\"([^\"]+)\"")]
    private static partial Regex LaneNodes();

    [GeneratedRegex("<rect class=\"held\"")]
    private static partial Regex HeldSpans();

    [GeneratedRegex("<rect class=\"probe-ok\"")]
    private static partial Regex ProbeOk();

    [GeneratedRegex("<rect class=\"probe-fail\"")]
    private static partial Regex ProbeFail();

    [GeneratedRegex("https?://[^\"' <]+")]
    private static partial Regex Urls();
}
