using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Tests.Packages;

public sealed class PackageVersionOrderTests
{
    [Theory]
    [InlineData("1:2.2.7-1+b2+halb1", "1:2.2.7-1+b2")]          // our rebuilt lab package
    [InlineData("2.6.12-1+deb12u4+halb1", "2.6.12-1+deb12u4")]
    [InlineData("2.6.12-1+deb12u5", "2.6.12-1+deb12u4")]
    [InlineData("1:2.0-1", "9.9-1")]                             // the epoch wins
    [InlineData("2.10-1", "2.9-1")]                              // digit runs compare as numbers
    [InlineData("2.2.8-1", "2.2.7-9")]                           // upstream before revision
    [InlineData("2.2.7-1", "2.2.7~rc1-1")]                       // a tilde sorts before the release
    [InlineData("2.2.7-1", "2.2.7")]                             // a revision beats none
    [InlineData("2.2.7a-1", "2.2.7-1")]
    [InlineData("2.2.7+1-1", "2.2.7a-1")]                        // letters sort before other characters
    [InlineData("0:2.4.22-4.el9", "2.4.22-3.el9")]               // RPM: epoch 0 as none
    [InlineData("2.4.22-3.el9_3", "2.4.22-3.el9")]
    public void A_newer_version_compares_above_the_older(string newer, string older)
    {
        Assert.True(PackageVersionOrder.Compare(newer, older) > 0);
        Assert.True(PackageVersionOrder.Compare(older, newer) < 0);
        Assert.True(PackageVersionOrder.IsNewer(newer, older));
        Assert.False(PackageVersionOrder.IsNewer(older, newer));
    }

    [Theory]
    [InlineData("2.2.7-1", "2.2.7-1")]
    [InlineData("0:2.2.7-1", "2.2.7-1")]
    [InlineData("2.02-1", "2.2-1")]                              // leading zeros do not count
    public void Equal_versions_compare_equal(string a, string b)
    {
        Assert.Equal(0, PackageVersionOrder.Compare(a, b));
        Assert.False(PackageVersionOrder.IsNewer(a, b));
    }
}
