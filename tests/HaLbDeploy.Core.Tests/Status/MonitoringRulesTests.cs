using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using HaLbDeploy.Core.Status;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Status;

/// <summary>
/// The shipped Prometheus files (docs/monitoring/) checked by Debian's promtool (scripts/host-setup installs the
/// prometheus package): the rules load, every rule has a test case that fires and one that stays silent, the unit
/// tests pass, and they would fail if a rule were wrong. A missing promtool fails these tests; it never skips them.
/// </summary>
[Trait("Category", "RealBinaries")]
[SupportedOSPlatform("linux")]
public sealed partial class MonitoringRulesTests : IDisposable
{
    private static readonly string Folder = RepositoryRoot.Of("docs/monitoring");

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("halb-promtool-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void The_alert_rules_pass_promtool_check_rules()
    {
        var result = Promtool("check", "rules", Path.Combine(Folder, "alerts.yml"));

        Assert.True(result.ExitCode == 0, result.Printed);
        Assert.Contains($"SUCCESS: {RuleNames().Count} rules found", result.Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scrape_config_with_the_rules_passes_promtool_check_config()
    {
        var config = Path.Combine(_scratch.FullName, "prometheus.yml");
        File.WriteAllText(config, $"rule_files: [{Path.Combine(Folder, "alerts.yml")}]\n" + File.ReadAllText(Path.Combine(Folder, "scrape.yml")));

        var result = Promtool("check", "config", config);

        Assert.True(result.ExitCode == 0, result.Printed);
    }

    [Fact]
    public void The_promtool_unit_tests_of_the_rules_pass()
    {
        var result = Promtool("test", "rules", Path.Combine(Folder, "alerts.test.yml"));

        Assert.True(result.ExitCode == 0, result.Printed);
    }

    [Fact]
    public void Every_rule_has_a_case_where_it_fires_and_one_where_it_stays_silent()
    {
        var tests = File.ReadAllText(Path.Combine(Folder, "alerts.test.yml"));
        var cases = AlertCase().Matches(tests).Select(m => (Name: m.Groups["name"].Value, Silent: m.Groups["silent"].Success)).ToList();

        foreach (var rule in RuleNames())
        {
            Assert.True(cases.Any(c => c.Name == rule && !c.Silent), $"{rule}: no case where it fires");
            Assert.True(cases.Any(c => c.Name == rule && c.Silent), $"{rule}: no case where it stays silent");
        }
    }

    [Fact]
    public void The_flapping_rule_uses_the_same_threshold_as_status() =>
        Assert.Contains($"increase(halb_vrrp_master_transitions_total[1h])) >= {StatusAnalyzer.FlappingMasterEntries}\n", File.ReadAllText(Path.Combine(Folder, "alerts.yml")));

    /// <summary>The unit tests can fail: with each rule's threshold moved, promtool reports a failure for that rule.</summary>
    [Theory]
    [InlineData("HalbNoVipHolder", "== 0\n        for: 30s", "== 0\n        for: 5m")]
    [InlineData("HalbTwoVipHolders", "> 1\n", "> 2\n")]
    [InlineData("HalbVrrpFlapping", ">= 3\n", ">= 2\n")]
    [InlineData("HalbBackendDownOnNode", "== 1\n        for: 1m", "== 1\n        for: 10s")]
    [InlineData("HalbAllBackendsDown", "max by (cluster, proxy)", "min by (cluster, proxy)")]
    [InlineData("HalbMetricsDown", "up{job=~\"halb-haproxy|halb-vrrp\"} == 0", "up{job=~\"halb-haproxy|halb-vrrp\"} == 1")]
    public void A_wrong_rule_fails_its_test(string rule, string find, string replace)
    {
        var rules = File.ReadAllText(Path.Combine(Folder, "alerts.yml"));
        Assert.Contains(find, rules, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_scratch.FullName, "alerts.yml"), rules.Replace(find, replace, StringComparison.Ordinal));
        File.Copy(Path.Combine(Folder, "alerts.test.yml"), Path.Combine(_scratch.FullName, "alerts.test.yml"));

        var result = Promtool("test", "rules", Path.Combine(_scratch.FullName, "alerts.test.yml"));

        Assert.True(result.ExitCode != 0, $"promtool passed the tests with {rule} changed:\n{result.Printed}");
        Assert.Contains(rule, result.Printed, StringComparison.Ordinal);
    }

    private static List<string> RuleNames() =>
        RuleName().Matches(File.ReadAllText(Path.Combine(Folder, "alerts.yml"))).Select(m => m.Groups[1].Value).ToList();

    private static ExternalCommandResult Promtool(params string[] arguments) =>
        ExternalCommand.Run(ExternalCommand.Locate("promtool") ?? throw new Xunit.Sdk.XunitException("promtool is not installed; run scripts/host-setup (apt-get install prometheus)"), arguments);

    [GeneratedRegex(@"^\s+- alert: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex RuleName();

    /// <summary>An alert_rule_test entry: its alert name, and whether it expects no alert.</summary>
    [GeneratedRegex(@"alertname: (?<name>\S+)\n\s+exp_alerts:(?<silent> \[\])?")]
    private static partial Regex AlertCase();
}
