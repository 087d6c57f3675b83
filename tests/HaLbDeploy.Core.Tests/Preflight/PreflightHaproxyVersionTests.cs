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
