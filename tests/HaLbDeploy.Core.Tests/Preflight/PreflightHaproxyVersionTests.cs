using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Preflight;
using HaLbDeploy.Core.Tests.Facts;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Preflight;

public sealed class PreflightHaproxyVersionTests
{
    private static readonly Inventory Inventory = Inventories.Load(Inventories.Valid).Inventory!;

    private static IEnumerable<PreflightFinding> VersionFindings(NodeFacts facts) =>
        PreflightChecks.Check(Inventory, Inventory.Nodes[0], facts, null, TimeSpan.FromSeconds(2)).Where(f => f.Check == "haproxy-version");

    [Fact]
    public void A_centos_7_node_without_haproxy_is_refused_because_its_distribution_ships_1_5()
    {
        var finding = Assert.Single(VersionFindings(RecordedFacts.Parse(RecordedFacts.CentOs7)));

        Assert.True(finding.IsError);
        Assert.StartsWith("CentOS Linux 7 (Core) ships haproxy 1.5, but the rendered configuration needs haproxy 1.8 or later", finding.Message);
    }

    [Fact]
    public void The_centos_7_refusal_names_the_concrete_ways_forward_and_why_the_software_collections_build_is_not_one()
    {
        var finding = Assert.Single(VersionFindings(RecordedFacts.Parse(RecordedFacts.CentOs7)));

        Assert.Contains("list an haproxy 1.8 or later .rpm built for EL7 (package name haproxy, with haproxy.service", finding.Message);
        Assert.Contains("under `packages: source: files`", finding.Message);
        Assert.Contains("move the LB nodes to EL8 or later", finding.Message);
        Assert.Contains("rh-haproxy18 from Software Collections, installs as rh-haproxy18-haproxy.service", finding.Message);
    }

    [Fact]
    public void A_centos_7_node_given_an_haproxy_2_4_rpm_passes_every_preflight_check_and_keeps_its_keepalived_1_3_5()
    {
        var inventory = WithRpms("haproxy-2.4.22-1.el7.x86_64.rpm", "openssl11-libs-1.1.1k-7.el7.x86_64.rpm");
        var facts = RecordedFacts.Parse(RecordedFacts.CentOs7);

        var findings = PreflightChecks.Check(inventory, inventory.Nodes[0], facts, null, TimeSpan.FromSeconds(2));

        Assert.DoesNotContain(findings, f => f.IsError && f.Check is "haproxy-version" or "package-files" or "package-manager" or "systemd");
        Assert.Equal("1.3.5-19.el7", facts.KeepalivedVersion);
        var plan = new HaLbDeploy.Core.Planning.NodePlanner(inventory, HaLbDeploy.Core.Planning.SecretMasker.For(inventory))
            .Plan(HaLbDeploy.Core.Rendering.ConfigurationRenderer.WithBuiltInTemplates().Render(inventory, inventory.Nodes[0]), facts);
        Assert.Contains(plan.Changes, c => c.Target == "haproxy" && c.Summary == "install package haproxy from the inventory's .rpm files");
        Assert.DoesNotContain(plan.Changes, c => c.Target == "keepalived" && c.Kind == HaLbDeploy.Core.Planning.ChangeKind.InstallPackage);
    }

    [Fact]
    public void A_centos_7_node_given_its_own_haproxy_1_5_rpm_is_refused_naming_the_file()
    {
        var inventory = WithRpms("haproxy-1.5.18-9.el7.x86_64.rpm");

        var finding = Assert.Single(PreflightChecks.Check(inventory, inventory.Nodes[0], RecordedFacts.Parse(RecordedFacts.CentOs7), null, TimeSpan.FromSeconds(2)),
            f => f.Check == "haproxy-version");

        Assert.StartsWith("packages.files lists haproxy-1.5.18-9.el7.x86_64.rpm (haproxy 1.5.18), but the rendered configuration needs haproxy 1.8 or later", finding.Message);
    }

    [Fact]
    public void A_centos_7_node_with_haproxy_1_5_18_installed_is_told_that_package_files_do_not_replace_it()
    {
        var inventory = WithRpms("haproxy-2.4.22-1.el7.x86_64.rpm");
        var facts = RecordedFacts.Parse(RecordedFacts.CentOs7) with { HaproxyVersion = "1.5.18-9.el7" };

        var finding = Assert.Single(PreflightChecks.Check(inventory, inventory.Nodes[0], facts, null, TimeSpan.FromSeconds(2)), f => f.Check == "haproxy-version");

        Assert.StartsWith("haproxy 1.5.18-9.el7 is installed, but the rendered configuration needs haproxy 1.8 or later", finding.Message);
        Assert.EndsWith("(apply installs package files only where haproxy is missing: it does not replace an installed one)", finding.Message);
    }

    private static Inventory WithRpms(params string[] fileNames) => Inventory with
    {
        Packages = new PackageSettings(PackageSource.Files,
            fileNames.Select(n => new PackageFile("/srv/el7/" + n, n, 1000, new string('0', 64), PackageFormat.Rpm)).ToList()),
    };

    [Fact]
    public void An_installed_haproxy_older_than_1_8_is_refused_with_its_version()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Fresh) with { HaproxyVersion = "1.7.5-2+deb9u1" };

        var finding = Assert.Single(VersionFindings(facts));

        Assert.Equal("haproxy 1.7.5-2+deb9u1 is installed, but the rendered configuration needs haproxy 1.8 or later (master-worker, expose-fd listeners); upgrade haproxy on the node", finding.Message);
    }

    [Theory]
    [InlineData(RecordedFacts.Rocky8)]
    [InlineData(RecordedFacts.Alma9)]
    [InlineData(RecordedFacts.Ubuntu2204)]
    [InlineData(RecordedFacts.Ubuntu2404)]
    [InlineData(RecordedFacts.Debian12Fresh)]
    [InlineData(RecordedFacts.Debian12ConvergedVipHolder)]
    public void Nodes_with_haproxy_1_8_or_later_installed_or_shipped_pass(string recorded)
    {
        Assert.Empty(VersionFindings(RecordedFacts.Parse(recorded)));
    }

    [Theory]
    [InlineData("1:2.2.7-1+b2", "2.2.7")]
    [InlineData("1.5.18-9.el7", "1.5.18")]
    [InlineData("2.6.12-1+deb12u1", "2.6.12")]
    [InlineData("1.8.27-5.el8", "1.8.27")]
    [InlineData("3~rc1", "3.0")]
    public void The_upstream_version_is_read_from_dpkg_and_rpm_versions(string packageVersion, string upstream)
    {
        Assert.Equal(Version.Parse(upstream), UpstreamVersion.Parse(packageVersion));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown")]
    public void A_version_without_digits_is_unknown_and_refuses_nothing(string? packageVersion)
    {
        Assert.Null(UpstreamVersion.Parse(packageVersion));
        Assert.Empty(VersionFindings(RecordedFacts.Parse(RecordedFacts.Debian12Fresh) with { HaproxyVersion = packageVersion }));
    }
}
