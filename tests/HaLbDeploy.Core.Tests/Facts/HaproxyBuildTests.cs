using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

public sealed class HaproxyBuildTests
{
    [Fact]
    public void Debian_12s_haproxy_has_the_prometheus_exporter_and_lua()
    {
        string[] vv =
        [
            "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
            "Built with Lua version : Lua 5.3.6",
            "Built with the Prometheus exporter as a service",
            "Available services : prometheus-exporter",
        ];

        Assert.Equal(new HaproxyBuild(true, true), HaproxyBuild.Parse(vv));
    }

    [Fact]
    public void A_build_without_them_says_so() =>
        Assert.Equal(new HaproxyBuild(false, false), HaproxyBuild.Parse(["HAProxy version 1.8.27", "Available services : none"]));

    [Theory]
    [InlineData("not-installed")]
    [InlineData("")]
    public void No_haproxy_is_no_build(string line) => Assert.Null(HaproxyBuild.Parse([line]));
}
