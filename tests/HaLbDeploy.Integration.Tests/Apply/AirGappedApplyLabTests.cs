using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>
/// apply on nodes that have no package repository (`packages: source: files`): the lab's own .deb set
/// (keepalived, haproxy and exactly the dependencies the node image lacks) is copied from this host and installed
/// from the files alone, with every node's apt sources emptied for the test and restored afterwards.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AirGappedApplyLabTests
{
    private const string LabRepository = "/var/cache/halb-lab/repo";
    private const string SavedSources = "/etc/apt/sources.list.halb-airgap-test";

    public AirGappedApplyLabTests() => LabFacts.RequireLabUp();

    [Fact]
    public async Task Apply_on_fresh_nodes_without_a_repository_installs_from_the_package_files_and_converges()
    {
        var debs = Directory.GetFiles(LabRepository, "*.deb").Order(StringComparer.Ordinal).ToList();
        Assert.True(debs.Count >= 3, $"{LabRepository} holds {debs.Count} .deb files");
        using var inventory = WithPackageFiles(debs, digestFor: d => Path.GetFileName(d).StartsWith("keepalived_", StringComparison.Ordinal));
        await LabNodeShell.MakeAllFreshAsync();
        await SwitchRepositoriesOffAsync();
        try
        {
            var run = await LabCli.RunAsync("apply", "-i", inventory.Path);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("[plan/lb1] + install package keepalived from the inventory's .deb files", run.Error);
            Assert.Matches($@"\[packages/lb2\] copying {debs.Count} \.deb file\(s\), [0-9.]+ MiB, to /var/cache/halb-deploy/packages", run.Error);
            foreach (var node in LabFacts.Nodes)
            {
                var state = await LabNodeShell.RunAsync(node.Name,
                    "dpkg-query -W -f '${Status}\\n' keepalived haproxy; systemctl is-active keepalived haproxy; " +
                    "wc -c < /etc/apt/sources.list; [ -e /var/cache/halb-deploy/packages ] && echo copies-left || echo copies-removed");
                Assert.Equal(2, Regex.Count(state, "install ok installed"));
                Assert.Equal(2, Regex.Count(state, "^active$", RegexOptions.Multiline));
                Assert.Contains("\n0\n", state); // the repository stayed off during the whole run
                Assert.Contains("copies-removed", state);
            }
            Assert.Equal(["lb1"], await LabNodeShell.VipHoldersAsync());
            var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);
            Assert.True(plan.ExitCode == 0, plan.ToString());
        }
        finally
        {
            await RestoreRepositoriesAsync();
        }
    }

    [Fact]
    public async Task Package_files_without_a_dependency_the_node_lacks_fail_the_install_cleanly_and_the_rollout_never_starts()
    {
        var debs = Directory.GetFiles(LabRepository, "*.deb")
            .Where(d => Path.GetFileName(d).StartsWith("keepalived_", StringComparison.Ordinal) || Path.GetFileName(d).StartsWith("haproxy_", StringComparison.Ordinal))
            .ToList();
        using var inventory = WithPackageFiles(debs, digestFor: _ => false);
        await LabNodeShell.MakeAllFreshAsync();
        // An earlier install leaves keepalived's dependencies behind; take away one it cannot do without.
        await LabNodeShell.RunOnAllAsync("dpkg --purge libsnmp40 >/dev/null 2>&1; dpkg-query -W -f '${Status}' libsnmp40 2>/dev/null | grep -q 'ok installed' && exit 1 || true");
        await SwitchRepositoriesOffAsync();
        try
        {
            var run = await LabCli.RunAsync("apply", "-i", inventory.Path);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("libsnmp40", run.All);
            Assert.Contains("installing keepalived, haproxy failed", run.All);
            Assert.DoesNotContain("[rollout/", run.Error);
            foreach (var node in LabFacts.Nodes)
            {
                var state = await LabNodeShell.RunAsync(node.Name,
                    "dpkg-query -W -f '${Status}\\n' keepalived haproxy 2>/dev/null | grep -c 'install ok installed' || true; " +
                    "[ -e /var/cache/halb-deploy/packages ] && echo copies-left || echo copies-removed");
                Assert.StartsWith("0\n", state);
                Assert.Contains("copies-removed", state);
            }
        }
        finally
        {
            await RestoreRepositoriesAsync();
        }
    }

    /// <summary>The lab inventory with a `packages:` section listing the files; a sha256 is written for the files <paramref name="digestFor"/> picks.</summary>
    private static LabInventory WithPackageFiles(IReadOnlyList<string> debs, Func<string, bool> digestFor)
    {
        var section = new StringBuilder("packages:\n  source: files\n  files:\n");
        foreach (var deb in debs)
        {
            section.Append($"    - path: {deb}\n");
            if (digestFor(deb))
            {
                using var stream = File.OpenRead(deb);
                section.Append($"      sha256: {Convert.ToHexStringLower(SHA256.HashData(stream))}\n");
            }
        }
        return LabInventory.With(("timeouts:\n", section + "\ntimeouts:\n"));
    }

    /// <summary>Empties every node's apt sources and package lists, and checks that apt then finds no keepalived.</summary>
    private static async Task SwitchRepositoriesOffAsync()
    {
        await LabNodeShell.RunOnAllAsync(
            $"[ -e {SavedSources} ] || cp -p /etc/apt/sources.list {SavedSources}; : > /etc/apt/sources.list; " +
            "apt-get clean; rm -rf /var/lib/apt/lists/*; mkdir -p /var/lib/apt/lists/partial");
        var probes = await LabNodeShell.RunOnAllAsync("apt-get install -s -q keepalived >/dev/null 2>&1 && echo repository-on || echo repository-off");
        Assert.All(probes, p => Assert.Equal("repository-off", p.Trim()));
    }

    private static Task<string[]> RestoreRepositoriesAsync() => LabNodeShell.RunOnAllAsync(
        $"if [ -e {SavedSources} ]; then mv -f {SavedSources} /etc/apt/sources.list; fi; apt-get update -q >/dev/null 2>&1 || true");
}
