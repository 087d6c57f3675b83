using System.Diagnostics;
using System.Text.RegularExpressions;
using HaLbDeploy.Integration.Tests.Failover;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;
using Xunit.Abstractions;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>
/// The whole life of a tier on RHEL-family lab nodes (lab/README.md, "RHEL-family nodes"): the real dnf, yum, rpm and
/// firewalld of the node, with keepalived and haproxy RPMs in the RHEL layout from the lab's rpm repository. One test
/// per tier runs the steps in order, because each one starts where the previous one left the nodes.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RhelTierLabTests(ITestOutputHelper output)
{
    /// <summary>One failover mode per tier (each failover-test takes ~12 s of CI): between them both modes run on RHEL-family holders.</summary>
    [Theory]
    [InlineData("el9", "kill-haproxy")]
    [InlineData("mixed", "stop")]
    public async Task From_fresh_nodes_apply_converges_a_second_apply_changes_nothing_plan_and_verify_pass_and_failover_passes(string tierName, string mode)
    {
        LabFacts.RequireRhelLabUp();
        var tier = LabOsTier.Named(tierName);
        using var inventory = LabInventory.OfText(tier.InventoryText());
        await Task.WhenAll(tier.Nodes.Select(n => LabNodeShell.RunAsync(n.Name, n.MakeFreshCommand(tier.Vip))));
        foreach (var node in tier.Nodes)
            Assert.Equal("", (await LabNodeShell.RunAsync(node.Name, node.InstalledPackagesCommand + " 2>/dev/null | grep -v 'not installed' || true")).Trim());

        var apply = await TimedAsync("apply from fresh nodes", "apply", "-i", inventory.Path);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        foreach (var node in tier.Nodes) await AssertInstalledAndRunningAsync(node);
        Assert.Equal([tier.First.Name], await VipHoldersAsync(tier));

        var again = await TimedAsync("second apply", "apply", "-i", inventory.Path, "--output", "json");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(tier.Nodes.Count, Regex.Count(again.Output, "\"outcome\": \"unchanged\""));
        Assert.Contains("\"changes\": []", again.Output);

        var plan = await TimedAsync("plan", "plan", "-i", inventory.Path);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        var verify = await TimedAsync("verify", "verify", "-i", inventory.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"OK: {tier.First.Name} holds the VIP", verify.Output);

        try
        {
            var run = new FailoverRun(await TimedAsync($"failover-test --mode {mode}",
                "failover-test", "-i", inventory.Path, "--node", tier.First.Name, "--mode", mode, "--output", "json"));
            Assert.True(run.Cli.ExitCode == 0 && run.Passed, run.ToString());
            Assert.True(run.Measurement("failover", $"{tier.Nodes[1].Name} took the VIP over").Passed, run.ToString());
            Assert.Equal([tier.First.Name], run.HoldersAtEnd("failback"));
            Assert.True(run.HealthyAfter, run.ToString());
        }
        finally
        {
            await Task.WhenAll(tier.Nodes.Select(n => LabNodeShell.RunAsync(n.Name,
                "rm -f /run/systemd/system/haproxy.service.d/90-halb-failover-test.conf; systemctl daemon-reload; systemctl start keepalived haproxy")));
        }
    }

    private async Task AssertInstalledAndRunningAsync(LabTierNode node)
    {
        var state = await LabNodeShell.RunAsync(node.Name,
            $"{node.InstalledPackagesCommand}; systemctl is-enabled keepalived haproxy; systemctl is-active keepalived haproxy; " +
            (node.IsRhelFamily ? $"rpm -qf --qf '%{{NAME}}: owns it\\n' {RhelLayoutFiles}; " : "") + "command -v dnf || echo no-dnf");
        output.WriteLine($"{node.Name} ({node.Os}):\n{state}");
        Assert.Matches(@"(?m)^keepalived \d", state);
        Assert.Matches(@"(?m)^haproxy \d", state);
        Assert.Equal(2, Regex.Count(state, @"^enabled$", RegexOptions.Multiline));
        Assert.Equal(2, Regex.Count(state, @"^active$", RegexOptions.Multiline));
        if (!node.IsRhelFamily) return;
        // the RHEL package layout, owned by the RPMs the node's dnf or yum installed
        Assert.Equal(2, Regex.Count(state, "^haproxy: owns it$", RegexOptions.Multiline));
        Assert.Equal(2, Regex.Count(state, "^keepalived: owns it$", RegexOptions.Multiline));
        if (node.Os == LabNodeOs.El8) Assert.Contains("no-dnf", state);
    }

    private const string RhelLayoutFiles =
        "/usr/lib/systemd/system/haproxy.service /etc/sysconfig/haproxy /usr/lib/systemd/system/keepalived.service /etc/sysconfig/keepalived";

    private static async Task<IReadOnlyList<string>> VipHoldersAsync(LabOsTier tier)
    {
        var counts = await Task.WhenAll(tier.Nodes.Select(n => LabNodeShell.RunAsync(n.Name, $"ip -o -4 addr show | grep -c ' {tier.Vip}/' || true")));
        return tier.Nodes.Where((_, i) => counts[i].Trim() != "0").Select(n => n.Name).ToList();
    }

    private async Task<CliRun> TimedAsync(string step, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var run = await LabCli.RunAsync(arguments);
        output.WriteLine($"{step}: exit {run.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        return run;
    }
}
