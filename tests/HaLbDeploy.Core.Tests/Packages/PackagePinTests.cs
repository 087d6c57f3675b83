using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Tests.Packages;

public sealed class PackagePinTests
{
    [Theory]
    [InlineData("2.6.12-1+deb12u4", "2.6.12-1+deb12u4", true)]
    [InlineData("2.6.12-1+deb12u4", "2.6.12-1+deb12u4+halb1", false)]   // exact means exact
    [InlineData("2.2.7-1*", "1:2.2.7-1+b2", true)]                      // with or without the epoch
    [InlineData("1:2.2.7-1*", "1:2.2.7-1+b2", true)]
    [InlineData("2.2.7-1*", "1:2.2.8-1", false)]
    [InlineData("2.2*", "2.2.7-1", true)]
    public void Matches_exactly_or_by_prefix(string pattern, string version, bool matches) =>
        Assert.Equal(matches, new PackagePin("keepalived", pattern).Matches(version));

    [Fact]
    public void The_newest_match_is_chosen_by_version_order_not_by_text()
    {
        var pin = new PackagePin("haproxy", "2.6.*");

        Assert.Equal("2.6.12-1", pin.NewestMatch(["2.6.9-1", "2.6.12-1", "2.6.2-1", "2.8.1-1"]));
        Assert.Null(pin.NewestMatch(["2.8.1-1"]));
    }
}
