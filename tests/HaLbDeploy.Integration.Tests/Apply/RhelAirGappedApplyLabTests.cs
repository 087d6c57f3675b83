using System.Text;
using System.Text.RegularExpressions;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>
/// `packages: source: files` on RHEL-family lab nodes: the lab's .rpm files (keepalived, haproxy and their libraries
/// in the RHEL layout) copied from this host and installed with the node's real dnf (EL9-like) or yum (EL8-like,
/// which has no dnf command), with the node's repositories switched off for the test. The mixed tier lists the
/// lab's .deb files too, so its Debian node installs from those.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RhelAirGappedApplyLabTests
{
    private const string RpmRepository = "/var/cache/halb-lab/el/repo/Packages";
    private const string DebRepository = "/var/cache/halb-lab/repo";
    private const string RepoFile = "/etc/yum.repos.d/halb-lab.repo";
    private const string SavedRepoFile = "/root/halb-lab.repo.halb-airgap-test";
    private const string SavedSources = "/etc/apt/sources.list.halb-airgap-test";

    [Theory]
    [InlineData("el9", "dnf")]
    [InlineData("mixed", "yum")]
    public async Task Apply_on_fresh_nodes_without_a_repository_installs_the_rpm_files_and_converges(string tierName, string manager)
    {
        LabFacts.RequireRhelLabUp();
        var tier = LabOsTier.Named(tierName);
        var rpms = Directory.GetFiles(RpmRepository, "*.rpm").Where(f => !Path.GetFileName(f).StartsWith("python3-dnf-plugin", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var debs = tier.Nodes.Any(n => !n.IsRhelFamily) ? Directory.GetFiles(DebRepository, "*.deb").Order(StringComparer.Ordinal).ToList() : [];
        Assert.True(rpms.Count >= 3, $"{RpmRepository} holds {rpms.Count} .rpm files");
        using var inventory = LabInventory.OfText(WithPackageFiles(tier.InventoryText(), rpms.Concat(debs)));
        await Task.WhenAll(tier.Nodes.Select(n => LabNodeShell.RunAsync(n.Name, n.MakeFreshCommand(tier.Vip))));
        await Task.WhenAll(tier.Nodes.Select(SwitchRepositoryOffAsync));
        try
        {
            var run = await LabCli.RunAsync("apply", "-i", inventory.Path);

            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var node in tier.Nodes.Where(n => n.IsRhelFamily))
            {
                Assert.Contains($"[plan/{node.Name}] + install package keepalived from the inventory's .rpm files", run.Error);
                Assert.Matches($@"\[packages/{node.Name}\] copying {rpms.Count} \.rpm file\(s\)", run.Error);
                var state = await LabNodeShell.RunAsync(node.Name,
                    $"{node.InstalledPackagesCommand}; systemctl is-active keepalived haproxy; command -v {manager}; " +
                    $"[ -e {RepoFile} ] && echo repo-on || echo repo-off");
                Assert.Matches(@"(?m)^keepalived \d", state);
                Assert.Matches(@"(?m)^haproxy \d", state);
                Assert.Equal(2, Regex.Count(state, "^active$", RegexOptions.Multiline));
                Assert.Contains($"/usr/bin/{manager}", state);
                Assert.Contains("repo-off", state);
            }
            Assert.Equal(0, (await LabCli.RunAsync("plan", "-i", inventory.Path)).ExitCode);
        }
        finally
        {
            await Task.WhenAll(tier.Nodes.Select(RestoreRepositoryAsync));
        }
    }

    private static string WithPackageFiles(string inventory, IEnumerable<string> files)
    {
        var section = new StringBuilder("packages:\n  source: files\n  files:\n");
        foreach (var file in files) section.Append($"    - path: {file}\n");
        return inventory.Replace("timeouts:\n", section + "\ntimeouts:\n", StringComparison.Ordinal);
    }

    /// <summary>Moves the node's only repository away and checks that its package manager then finds no keepalived.</summary>
    private static async Task SwitchRepositoryOffAsync(LabTierNode node)
    {
        var probe = node.IsRhelFamily
            ? await LabNodeShell.RunAsync(node.Name,
                $"[ -e {SavedRepoFile} ] || mv {RepoFile} {SavedRepoFile}; yum clean all -q >/dev/null 2>&1; " +
                "yum -q list available keepalived >/dev/null 2>&1 && echo repository-on || echo repository-off")
            : await LabNodeShell.RunAsync(node.Name,
                $"[ -e {SavedSources} ] || cp -p /etc/apt/sources.list {SavedSources}; : > /etc/apt/sources.list; " +
                "apt-get clean; rm -rf /var/lib/apt/lists/*; mkdir -p /var/lib/apt/lists/partial; " +
                "apt-get install -s -q keepalived >/dev/null 2>&1 && echo repository-on || echo repository-off");
        Assert.Equal("repository-off", probe.Trim());
    }

    private static Task<string> RestoreRepositoryAsync(LabTierNode node) => LabNodeShell.RunAsync(node.Name, node.IsRhelFamily
        ? $"if [ -e {SavedRepoFile} ]; then mv -f {SavedRepoFile} {RepoFile}; fi; yum clean all -q >/dev/null 2>&1 || true"
        : $"if [ -e {SavedSources} ]; then mv -f {SavedSources} /etc/apt/sources.list; fi; apt-get update -q >/dev/null 2>&1 || true");
}
