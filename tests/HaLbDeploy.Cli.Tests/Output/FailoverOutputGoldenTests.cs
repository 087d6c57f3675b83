using HaLbDeploy.Cli.Commands;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Html;
using HaLbDeploy.Cli.Tests.TestSupport;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Cli.Tests.Output;

/// <summary>What failover-test prints and writes with --report, pinned byte for byte in Output/golden.</summary>
public sealed class FailoverOutputGoldenTests
{
    public static TheoryData<string> Reports() => ["passed", "failed", "not-started"];

    [Theory]
    [MemberData(nameof(Reports))]
    public void The_text_answer_shows_the_chart_the_events_each_phase_and_the_verdict(string name) =>
        Golden.AssertMatches($"failover-{name}.txt", Text(Report(name)));

    [Theory]
    [MemberData(nameof(Reports))]
    public void The_json_answer_has_every_phase_event_holder_span_and_clock_in_seconds_from_the_fault(string name) =>
        Golden.AssertMatches($"failover-{name}.json", Json(Report(name)));

    [Theory]
    [MemberData(nameof(Reports))]
    public void The_html_report_is_the_same_page_for_the_same_run(string name) =>
        Golden.AssertMatches($"failover-{name}.html", Html(Report(name)));

    private static FailoverTestReport Report(string name) => name switch
    {
        "passed" => SampleFailoverReports.Passed(),
        "failed" => SampleFailoverReports.Failed(),
        _ => SampleFailoverReports.NotStarted(),
    };

    private static string Text(FailoverTestReport report)
    {
        using var output = new StringWriter();
        FailoverTestCommand.Print(output, report, OutputFormat.Text);
        return output.ToString();
    }

    private static string Json(FailoverTestReport report)
    {
        using var output = new StringWriter();
        FailoverTestCommand.Print(output, report, OutputFormat.Json);
        return output.ToString();
    }

    private static string Html(FailoverTestReport report) => FailoverHtmlRenderer.Render(report);
}
