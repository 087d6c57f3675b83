using HaLbDeploy.Cli.Commands;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Tests.TestSupport;
using HaLbDeploy.Core.Status;

namespace HaLbDeploy.Cli.Tests.Output;

/// <summary>What status prints for a round, once or with --watch, pinned byte for byte in Output/golden.</summary>
public sealed class StatusOutputGoldenTests
{
    [Fact]
    public void A_healthy_round_prints_the_holder_since_when_the_nodes_their_transitions_and_the_servers_per_node() =>
        Golden.AssertMatches("status-healthy.txt", Print(SampleStatusReports.Healthy(), json: false));

    [Fact]
    public void A_split_brain_prints_both_holders_the_flapping_nodes_the_unread_node_and_every_problem() =>
        Golden.AssertMatches("status-split-brain.txt", Print(SampleStatusReports.SplitBrain(), json: false));

    [Fact]
    public void A_healthy_round_as_json_keeps_the_full_precision_of_every_time() =>
        Golden.AssertMatches("status-healthy.json", Print(SampleStatusReports.Healthy(), json: true));

    [Fact]
    public void Watching_as_json_prints_one_compact_document_per_line_and_round()
    {
        var rounds = new[] { SampleStatusReports.Healthy(), SampleStatusReports.SplitBrain() };

        var lines = string.Concat(rounds.Select((report, i) => Print(report, json: true, round: i + 1))).TrimEnd('\n').Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{\"command\":\"status\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Watching_prints_each_round_under_a_header()
    {
        var text = Print(SampleStatusReports.Healthy(), json: false, round: 7);

        Assert.StartsWith("--- round 7 at ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
    }

    private static string Print(TierStatusReport report, bool json, int? round = null)
    {
        using var output = new StringWriter();
        StatusCommand.PrintRound(output, report, json ? OutputFormat.Json : OutputFormat.Text, round);
        return output.ToString();
    }
}
