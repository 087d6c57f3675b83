using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>
/// `apply --upgrade` on the converged Debian tier (lb1..lb3) with a newer keepalived and haproxy in a second lab
/// repository (lab/bumped-debs: VERSION+halb1), watched by the ~20 Hz holder sampler and the 50 ms prober through
/// the VIP: every node ends on the new versions, the VIP makes one planned round trip at most (the holder hands it
/// over and takes it back with preempt), never two holders, no failed probe outside the window the run measured
/// and printed, and a second run changes nothing. And `packages.pin`: the pinned version installed and both packages
/// held, and once the pins go, both holds released. The nodes go back to the lab's versions, unheld, afterwards.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackageUpgradeLabTests
{
    private static readonly string[] Packages = ["keepalived", "haproxy"];
    private readonly ITestOutputHelper _output;

    public PackageUpgradeLabTests(ITestOutputHelper output)
    {
        LabFacts.RequireLabUp();
        _output = output;
    }

    [Fact]
    public async Task Apply_upgrade_moves_every_node_to_the_newer_packages_with_one_planned_failover_and_no_failed_probe_outside_it()
    {
        using var inventory = LabInventory.OfText(LabTierSize.InventoryText());
        await ConvergeAsync(inventory.Path);
        var original = await InstalledAsync();
        try
        {
            await using var repo = await BumpedPackageRepo.StartAsync();
            var plan = await LabCli.RunAsync("plan", "--upgrade", "-i", inventory.Path, "--output", "json");
            Assert.True(plan.ExitCode == 3, plan.ToString());
            foreach (var version in repo.Versions.Values) Assert.Equal(LabTierSize.NodeCount, Regex.Count(plan.Output, Regex.Escape($"\"to_version\": \"{version}\"")));
            Assert.Equal(original, await InstalledAsync()); // plan changed nothing

            await using var observer = new CutoverObserver([IPAddress.Parse(LabFacts.Vip)], LabTierSize.Nodes, maxDuration: TimeSpan.FromMinutes(5));
            observer.Start();
            await Task.Delay(TimeSpan.FromSeconds(1)); // a served baseline first
            var apply = await LabCli.RunAsync("apply", "--upgrade", "-i", inventory.Path, "--output", "json");
            await Task.Delay(TimeSpan.FromSeconds(5)); // past any backup's master-down interval: a late move would show
            var figures = await observer.StopAsync();
            _output.WriteLine(figures.ToString());
            _output.WriteLine(apply.Error);
            Assert.True(apply.ExitCode == 0, apply.ToString());

            var failover = JsonDocument.Parse(apply.Output).RootElement.GetProperty("planned_failover");
            var start = failover.GetProperty("start").GetDateTimeOffset();
            var end = failover.GetProperty("end").GetDateTimeOffset();
            var unreachable = failover.GetProperty("unreachable_ms").GetInt64();
            _output.WriteLine($"planned failover: {unreachable} ms unreachable, {start:O} .. {end:O}, taken over by {failover.GetProperty("taken_over_by")}");
            Assert.Contains($"planned failover: VIP unreachable for {unreachable} ms", apply.Error);
            var probes = failover.GetProperty("probes").GetInt32();
            Assert.True(probes > 20 && failover.GetProperty("failed_probes").GetInt32() < probes / 2, failover.ToString()); // the VIP was served for most of the window
            Assert.True(unreachable < 5000, failover.ToString());

            foreach (var (node, versions) in await InstalledAsync())
                foreach (var package in Packages) Assert.True(versions[package] == repo.Versions[package], $"{node}: {package} {versions[package]}, not {repo.Versions[package]}");
            // Two holders only where failover-test allows them too: the few milliseconds of the upgraded holder's take-back by
            // preemption (the interim holder lets go when it hears the higher priority), within failover-test's allowance
            // (FailoverBounds.TwoHolderAllowance: 2 sample intervals; the lab's nodes share the control host's clock).
            var allowance = FailoverBounds.TwoHolderAllowance(TimeSpan.FromMilliseconds(50), TimeSpan.Zero);
            Assert.True(figures.TwoHolderWindows.Count <= 1 && figures.LongestTwoHolderWindow <= allowance.Value, $"two holders beyond the take-back's allowance ({allowance}): {figures}");
            Assert.All(figures.TwoHolderWindows, w => Assert.True(w.Nodes.Contains("lb1") && w.Start >= start && w.End <= end, $"two holders outside lb1's take-back in the planned failover {start:O} .. {end:O}: {figures}"));
            Assert.True(figures.HolderSamples > 100, figures.ToString());
            Assert.True(figures.Holders.Count is 1 or 3 && figures.Holders[0] == "lb1" && figures.Holders[^1] == "lb1", $"more than one planned failover: {figures}");
            // The observer's probes are dated by the control host's clock, as the run's window is.
            var outside = figures.FailedProbesAt.Where(at => at < start || at > end).ToList();
            Assert.True(outside.Count == 0, $"{outside.Count} failed probes outside the planned failover {start:O} .. {end:O}: {string.Join(", ", outside.Select(a => a.ToString("O")))}");

            var again = await LabCli.RunAsync("apply", "--upgrade", "-i", inventory.Path, "--output", "json");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(LabTierSize.NodeCount, Regex.Count(again.Output, "\"outcome\": \"unchanged\""));
            Assert.DoesNotContain("planned_failover", again.Output);
        }
        finally
        {
            await RestoreAsync(original);
            await ConvergeAsync(inventory.Path);
            Assert.Equal(original, await InstalledAsync());
            Assert.All(await LabNodeShell.RunOnTierAsync("apt-mark showhold"), held => Assert.Equal("", held.Trim()));
        }
    }

    [Fact]
    public async Task A_pin_installs_the_pinned_version_and_holds_both_packages_and_a_second_apply_changes_nothing()
    {
        using var plain = LabInventory.OfText(LabTierSize.InventoryText());
        await ConvergeAsync(plain.Path);
        var original = await InstalledAsync();
        try
        {
            await using var repo = await BumpedPackageRepo.StartAsync();
            var keepalived = original["lb1"]["keepalived"];
            var pins = $"\npackages:\n  pin:\n    keepalived: \"{keepalived[(keepalived.IndexOf(':') + 1)..]}*\"\n    haproxy: \"{repo.Versions["haproxy"]}\"\n";
            using var pinned = LabInventory.OfText(LabTierSize.InventoryText() + pins);

            var apply = await LabCli.RunAsync("apply", "-i", pinned.Path, "--output", "json");
            _output.WriteLine(apply.Error);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            foreach (var (node, versions) in await InstalledAsync())
            {
                Assert.True(versions["haproxy"] == repo.Versions["haproxy"], $"{node}: haproxy {versions["haproxy"]}, not the pinned {repo.Versions["haproxy"]}");
                Assert.True(versions["keepalived"] == keepalived, $"{node}: keepalived {versions["keepalived"]}: the prefix pin keeps the installed {keepalived} without --upgrade");
            }
            foreach (var held in await LabNodeShell.RunOnTierAsync("apt-mark showhold"))
                Assert.Equal(["haproxy", "keepalived"], held.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());

            var again = await LabCli.RunAsync("apply", "-i", pinned.Path, "--output", "json");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(LabTierSize.NodeCount, Regex.Count(again.Output, "\"outcome\": \"unchanged\""));

            // The pins go: plan says which holds of ours it releases, apply releases them, and then nothing is left to do.
            var plan = await LabCli.RunAsync("plan", "-i", plain.Path, "--output", "json");
            Assert.True(plan.ExitCode == 3, plan.ToString());
            Assert.Equal(LabTierSize.NodeCount, Regex.Count(plan.Output, "\"released_holds\": \\[\\s*\"keepalived\",\\s*\"haproxy\"\\s*\\]"));
            var unpinned = await LabCli.RunAsync("apply", "-i", plain.Path, "--output", "json");
            _output.WriteLine(unpinned.Error);
            Assert.True(unpinned.ExitCode == 0, unpinned.ToString());
            Assert.All(await LabNodeShell.RunOnTierAsync("apt-mark showhold; if test -e /var/lib/halb-deploy/package-holds; then echo record left; fi"), left => Assert.Equal("", left.Trim()));
            var settled = await LabCli.RunAsync("apply", "-i", plain.Path, "--output", "json");
            Assert.True(settled.ExitCode == 0, settled.ToString());
            Assert.Equal(LabTierSize.NodeCount, Regex.Count(settled.Output, "\"outcome\": \"unchanged\""));
        }
        finally
        {
            await RestoreAsync(original);
            await ConvergeAsync(plain.Path);
            Assert.Equal(original, await InstalledAsync());
            Assert.All(await LabNodeShell.RunOnTierAsync("apt-mark showhold"), held => Assert.Equal("", held.Trim()));
        }
    }

    /// <summary>Each tier node's installed keepalived and haproxy versions, by node name.</summary>
    private static async Task<SortedDictionary<string, SortedDictionary<string, string>>> InstalledAsync()
    {
        var outputs = await LabNodeShell.RunOnTierAsync("dpkg-query -W -f '${Package} ${Version}\\n' keepalived haproxy");
        var installed = new SortedDictionary<string, SortedDictionary<string, string>>();
        foreach (var (node, output) in LabTierSize.Nodes.Zip(outputs))
            installed[node.Name] = new SortedDictionary<string, string>(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(w => w[0], w => w[1]));
        return installed;
    }

    /// <summary>Back to the lab's versions, unheld, one node at a time, the VIP holder lb1 last.</summary>
    private static async Task RestoreAsync(SortedDictionary<string, SortedDictionary<string, string>> original)
    {
        foreach (var node in LabTierSize.Nodes.Reverse())
        {
            var versions = string.Join(' ', original[node.Name].Select(p => $"{p.Key}={p.Value}"));
            await LabNodeShell.RunAsync(node.Name,
                $"rm -f {BumpedPackageRepo.SourceFile}; apt-mark unhold keepalived haproxy >/dev/null; apt-get update -q >/dev/null 2>&1; " +
                $"DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades -o Dpkg::Options::=--force-confold {versions} >/dev/null");
        }
    }

    private static async Task ConvergeAsync(string inventory)
    {
        var run = await LabCli.RunAsync("apply", "-i", inventory);
        Assert.True(run.ExitCode == 0, run.ToString());
        for (var i = 0; i < 40 && !(await LabTierSize.HoldersAsync(LabFacts.Vip)).SequenceEqual(["lb1"]); i++) await Task.Delay(250);
        Assert.Equal(["lb1"], await LabTierSize.HoldersAsync(LabFacts.Vip));
    }
}
