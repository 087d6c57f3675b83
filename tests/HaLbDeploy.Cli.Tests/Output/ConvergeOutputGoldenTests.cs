using HaLbDeploy.Cli.Commands;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Tests.TestSupport;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Tests.Output;

/// <summary>What plan and apply print after the run, pinned byte for byte in Output/golden.</summary>
public sealed class ConvergeOutputGoldenTests
{
    [Fact]
    public void Plan_prints_each_node_with_its_changes_and_their_diffs_then_the_totals() =>
        Golden.AssertMatches("plan.txt", Print(SampleConvergeReports.Plan(), json: false));

    [Fact]
    public void Apply_prints_each_node_with_its_changes_without_diffs_then_the_totals_and_errors() =>
        Golden.AssertMatches("apply.txt", Print(SampleConvergeReports.Apply(), json: false));

    [Fact]
    public void Plan_as_json_names_the_command_plan_and_keeps_every_diff() =>
        Golden.AssertMatches("plan.json", Print(SampleConvergeReports.Plan(), json: true));

    [Fact]
    public void Apply_as_json_names_the_command_apply_with_errors_and_warnings() =>
        Golden.AssertMatches("apply.json", Print(SampleConvergeReports.Apply(), json: true));

    /// <summary>What ConvergeCommand prints for <paramref name="report"/>: plan is the dry run.</summary>
    private static string Print(ConvergeReport report, bool json)
    {
        using var output = new StringWriter();
        ConvergeCommand.Print(output, report, json ? OutputFormat.Json : OutputFormat.Text, isDryRun: report.DryRun);
        return output.ToString();
    }
}
