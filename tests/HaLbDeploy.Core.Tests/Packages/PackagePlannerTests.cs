using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Tests.Packages;

public sealed class PackagePlannerTests
{
    [Fact]
    public void Only_an_installed_package_with_a_strictly_newer_candidate_moves()
    {
        var upgrades = PackagePlanner.Upgrades(
        [
            new PackageVersions("keepalived", "1:2.2.7-1", "1:2.2.7-1+halb1"),
            new PackageVersions("haproxy", "2.6.12-1", "2.6.12-1"),
        ]);

        Assert.Equal([new PackageUpgrade("keepalived", "1:2.2.7-1", "1:2.2.7-1+halb1")], upgrades);
        Assert.Equal("keepalived 1:2.2.7-1 -> 1:2.2.7-1+halb1", upgrades[0].ToString());
    }

    [Fact]
    public void An_older_candidate_a_missing_one_and_a_package_not_installed_do_not_move()
    {
        var upgrades = PackagePlanner.Upgrades(
        [
            new PackageVersions("keepalived", "1:2.2.8-1", "1:2.2.7-1"),
            new PackageVersions("haproxy", "2.6.12-1", null),
            new PackageVersions("haproxy", null, "2.6.12-1"),
        ]);

        Assert.Empty(upgrades);
    }
}
