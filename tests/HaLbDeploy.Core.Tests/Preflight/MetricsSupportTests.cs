using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Preflight;
using HaLbDeploy.Core.Tests.Rendering;

namespace HaLbDeploy.Core.Tests.Preflight;

public sealed class MetricsSupportTests
{
    private static readonly Inventory WithMetrics = ExampleInventory.Load() with { Metrics = new MetricsSettings(8405, MetricsBind.Node) };

    [Fact]
    public void Without_metrics_any_haproxy_will_do() =>
        Assert.Null(MetricsSupport.Unsupported(ExampleInventory.Load(), new NodeFacts { HaproxyVersion = "1.8.27-1.el8" }));

    [Fact]
    public void An_installed_haproxy_older_than_2_0_is_refused_with_what_to_do()
    {
        var why = MetricsSupport.Unsupported(WithMetrics, new NodeFacts { HaproxyVersion = "1.8.27-5.el8" });

        Assert.Equal("metrics need haproxy 2.0 or later (its built-in Prometheus exporter), but haproxy 1.8.27-5.el8 is installed; remove `metrics:` from the inventory or upgrade haproxy on the node", why);
    }

    [Theory]
    [InlineData(false, true, "without the Prometheus exporter (USE_PROMEX)")]
    [InlineData(true, false, "without Lua")]
    public void A_build_without_the_exporter_or_lua_is_refused_naming_what_it_lacks(bool promex, bool lua, string said)
    {
        var why = MetricsSupport.Unsupported(WithMetrics, new NodeFacts { HaproxyVersion = "2.4.22-1.el9", HaproxyBuild = new HaproxyBuild(promex, lua) });

        Assert.Contains(said, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Debian_12s_haproxy_serves_metrics() =>
        Assert.Null(MetricsSupport.Unsupported(WithMetrics, new NodeFacts { HaproxyVersion = "2.6.12-1+deb12u4", HaproxyBuild = new HaproxyBuild(true, true) }));

    [Fact]
    public void A_node_without_haproxy_on_a_distribution_that_ships_1_8_is_refused_before_the_install() =>
        Assert.Contains("ships haproxy 1.8", MetricsSupport.Unsupported(WithMetrics, new NodeFacts { OsId = "rocky", OsVersionId = "8.9", OsPrettyName = "Rocky Linux 8.9" }), StringComparison.Ordinal);
}
