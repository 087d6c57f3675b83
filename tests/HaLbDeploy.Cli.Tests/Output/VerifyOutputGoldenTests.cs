using HaLbDeploy.Cli.Commands;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Tests.TestSupport;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Tests.Output;

/// <summary>What verify prints for a round, once or with --watch, pinned byte for byte in Output/golden.</summary>
public sealed class VerifyOutputGoldenTests
{
    [Fact]
    public void A_healthy_round_prints_the_vip_line_the_node_and_backend_tables_warnings_and_the_verdict() =>
        Golden.AssertMatches("verify-healthy.txt", Print(SampleVerificationReports.Healthy(), json: false));

    [Fact]
    public void An_unhealthy_round_prints_unreachable_nodes_the_failed_probe_and_every_problem() =>
        Golden.AssertMatches("verify-unhealthy.txt", Print(SampleVerificationReports.Unhealthy(), json: false));

    [Fact]
    public void With_several_frontends_the_backend_table_names_each_backends_frontend_and_every_port_probe_has_a_line() =>
        Golden.AssertMatches("verify-two-frontends.txt", Print(SampleVerificationReports.TwoFrontends(), json: false));

    [Fact]
    public void With_several_frontends_the_json_gives_each_backend_its_frontend_and_lists_the_port_probes() =>
        Golden.AssertMatches("verify-two-frontends.json", Print(SampleVerificationReports.TwoFrontends(), json: true));

    [Fact]
    public void A_healthy_round_as_json_is_one_indented_document() =>
        Golden.AssertMatches("verify-healthy.json", Print(SampleVerificationReports.Healthy(), json: true));

    [Fact]
    public void An_unhealthy_round_as_json_has_nulls_for_what_could_not_be_read() =>
        Golden.AssertMatches("verify-unhealthy.json", Print(SampleVerificationReports.Unhealthy(), json: true));

    [Fact]
    public void Watching_prints_each_round_under_a_header_with_its_local_time()
    {
        var rounds = new[] { SampleVerificationReports.Healthy(), SampleVerificationReports.Unhealthy(), SampleVerificationReports.NotProbed() };

        var text = string.Concat(rounds.Select((report, i) => Print(report, json: false, watching: true, round: i + 1)));

        // The header shows the machine's local time: named here, so the golden copy holds on any time zone.
        foreach (var report in rounds) text = text.Replace($"at {report.At.ToLocalTime():yyyy-MM-dd HH:mm:ss}", "at {local time}", StringComparison.Ordinal);
        Golden.AssertMatches("verify-watch.txt", text);
    }

    [Fact]
    public void Watching_as_json_prints_one_compact_document_per_line_and_round()
    {
        var rounds = new[] { SampleVerificationReports.Healthy(), SampleVerificationReports.Unhealthy(), SampleVerificationReports.NotProbed() };

        Golden.AssertMatches("verify-watch.jsonl", string.Concat(rounds.Select((report, i) => Print(report, json: true, watching: true, round: i + 1))));
    }

    /// <summary>What VerifyCommand prints for one round.</summary>
    private static string Print(VerificationReport report, bool json, bool watching = false, int round = 1)
    {
        using var output = new StringWriter();
        VerifyCommand.PrintRound(output, report, json ? OutputFormat.Json : OutputFormat.Text, watching ? round : null);
        return output.ToString();
    }
}
