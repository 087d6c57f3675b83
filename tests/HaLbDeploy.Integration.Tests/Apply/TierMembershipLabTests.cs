using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>
/// Adding lb4 to the converged Debian tier and then retiring the VIP holder lb1, watched by the ~20 Hz holder sampler
/// on lb1..lb4 and the 50 ms prober through the VIP: lb4 joins with no VIP move, lb1 leaves with exactly the planned
/// move (a graceful handover to lb2), never two holders, the retired node ends stopped, disabled and without the VIP,
/// every peer's unicast list follows, and a second apply changes nothing. Needs lb4 (the CI layout); it ends as it
/// found the tier: lb1..lb3 on the lab inventory, lb1 holding the VIP, and lb4 retired (no keepalived running there).
/// </summary>
[Trait("Category", "Integration")]
public sealed class TierMembershipLabTests
{
    private const string Lb1Entry = "  - name: lb1\n    address: 10.211.0.11\n    priority: 100\n";
    private const string Lb3Entry = "  - name: lb3\n    address: 10.211.0.13\n    priority: 80\n";
    private const string Lb4Entry = "  - name: lb4\n    address: 10.211.0.14\n    priority: 70\n";
    private static readonly LabHost[] Nodes = [.. LabFacts.Nodes, LabFacts.Node("lb4")];
    private readonly ITestOutputHelper _output;

    public TierMembershipLabTests(ITestOutputHelper output)
    {
        LabFacts.RequireRhelLabUp();
        _output = output;
    }

    [Fact]
    public async Task A_node_joins_without_a_VIP_move_and_a_retired_holder_hands_the_VIP_over_once()
    {
        using var standardLb4Retired = LabInventory.OfText(LabInventory.Text + Retired("lb4", "10.211.0.14"));
        using var fourNodes = LabInventory.With((Lb3Entry, Lb3Entry + Lb4Entry));
        using var lb1Retired = LabInventory.OfText(LabInventory.Text.Replace(Lb1Entry, "", StringComparison.Ordinal).Replace(Lb3Entry, Lb3Entry + Lb4Entry, StringComparison.Ordinal) + Retired("lb1", "10.211.0.11"));
        try
        {
            await ApplyAsync(standardLb4Retired.Path);
            await AssertRetiredAsync("lb4");
            Assert.Equal(["lb1"], await HoldersAsync());

            var join = await ObservedApplyAsync(fourNodes.Path, "lb4 joins as a backup");
            Assert.Equal(["lb1"], join.Holders);
            foreach (var peer in new[] { "lb1", "lb2", "lb3" })
                Assert.Contains("10.211.0.14", await LabNodeShell.RunAsync(peer, "sed -n '/unicast_peer/,/}/p' /etc/keepalived/keepalived.conf"));
            await AssertNothingChangesAsync(fourNodes.Path, members: 4, retired: 0);

            var stillRunning = await LabCli.RunAsync("verify", "-i", standardLb4Retired.Path);
            Assert.Contains("retired node lb4 (10.211.0.14) still runs keepalived", stillRunning.Output + stillRunning.Error);

            var leave = await ObservedApplyAsync(lb1Retired.Path, "lb1 (10.211.0.11) retires and holds the VIP");
            Assert.Equal(["lb1", "lb2"], leave.Holders);
            await AssertRetiredAsync("lb1");
            foreach (var peer in new[] { "lb2", "lb3", "lb4" })
                Assert.DoesNotContain("10.211.0.11", await LabNodeShell.RunAsync(peer, "sed -n '/unicast_peer/,/}/p' /etc/keepalived/keepalived.conf"));
            await AssertNothingChangesAsync(lb1Retired.Path, members: 3, retired: 1);
            var verify = await LabCli.RunAsync("verify", "-i", lb1Retired.Path);
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.DoesNotContain("retired node", verify.Output + verify.Error);
        }
        finally
        {
            // lb1 joins again and outranks lb2 (the one planned move back), lb4 retires; then the plain lab inventory changes nothing.
            await ApplyAsync(standardLb4Retired.Path);
            await AssertRetiredAsync("lb4");
            using var standard = LabInventory.AsIs();
            await AssertNothingChangesAsync(standard.Path, members: 3, retired: 0);
            Assert.Equal(["lb1"], await HoldersAsync());
        }
    }

    /// <summary>plan says what will happen (exit 3: changes pending), then apply runs under the observer, which keeps watching 5 s past its end.</summary>
    private async Task<Support.CutoverFigures> ObservedApplyAsync(string inventory, string planSays)
    {
        var plan = await LabCli.RunAsync("plan", "-i", inventory);
        Assert.True(plan.ExitCode == 3, plan.ToString());
        Assert.Contains(planSays, plan.Output);
        await using var observer = new CutoverObserver([IPAddress.Parse(LabFacts.Vip)], Nodes);
        observer.Start();
        await Task.Delay(TimeSpan.FromSeconds(1)); // a served baseline
        var apply = await LabCli.RunAsync("apply", "-i", inventory);
        await Task.Delay(TimeSpan.FromSeconds(5)); // past any master-down interval: a late takeover would show
        var figures = await observer.StopAsync();
        _output.WriteLine($"{planSays}: {figures}");
        _output.WriteLine(apply.Error);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(0, figures.TwoHolderSamples);
        Assert.True(figures.HolderSamples > 100, figures.ToString());
        Assert.True(figures.LongestGap <= TimeSpan.FromSeconds(1.5), figures.ToString());
        return figures;
    }

    private static async Task ApplyAsync(string inventory)
    {
        var run = await LabCli.RunAsync("apply", "-i", inventory);
        Assert.True(run.ExitCode == 0, run.ToString());
        for (var i = 0; i < 40 && !(await HoldersAsync()).SequenceEqual(["lb1"]); i++) await Task.Delay(250);
    }

    private static async Task AssertNothingChangesAsync(string inventory, int members, int retired)
    {
        var again = await LabCli.RunAsync("apply", "-i", inventory, "--output", "json");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(members + retired, Regex.Count(again.Output, "\"outcome\": \"unchanged\""));
        Assert.Equal(retired, Regex.Count(again.Output, "\"retired\": true"));
    }

    /// <summary>
    /// keepalived and haproxy stopped and disabled (or, on a node that never had them, not installed), no managed file
    /// left, and not the VIP.
    /// </summary>
    private static async Task AssertRetiredAsync(string node)
    {
        var state = await LabNodeShell.RunAsync(node,
            "for u in keepalived haproxy; do e=$(systemctl is-enabled $u 2>/dev/null); echo \"$u $(systemctl is-active $u) ${e:-not-enabled}\"; done; " +
            "ls /etc/keepalived/keepalived.conf /etc/haproxy/haproxy.cfg /usr/libexec/keepalived/check_haproxy.sh 2>/dev/null | wc -l; " +
            $"ip -o -4 addr show | grep -c ' {LabFacts.Vip}/' || true");
        var lines = state.Trim().Split('\n').Select(l => l.Trim()).ToList();
        Assert.True(lines.Count == 4, state);
        foreach (var unit in lines.Take(2))
            Assert.Matches("^(keepalived|haproxy) inactive (disabled|not-enabled)$", unit);
        Assert.Equal(["0", "0"], lines.Skip(2));
    }

    private static async Task<IReadOnlyList<string>> HoldersAsync()
    {
        var outputs = await Task.WhenAll(Nodes.Select(n => LabNodeShell.RunAsync(n.Name, $"ip -o -4 addr show | grep -c ' {LabFacts.Vip}/' || true")));
        return Nodes.Where((_, i) => outputs[i].Trim() != "0").Select(n => n.Name).ToList();
    }

    private static string Retired(string name, string address) => $"\nretired_nodes:\n  - name: {name}\n    address: {address}\n";
}
