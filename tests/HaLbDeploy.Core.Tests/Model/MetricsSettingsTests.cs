using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

public sealed class MetricsSettingsTests
{
    [Fact]
    public void Without_a_metrics_section_there_is_no_metrics_listener() =>
        Assert.Null(Inventories.Load(Inventories.Valid).Inventory!.Metrics);

    [Fact]
    public void A_metrics_section_with_a_port_binds_the_node_address_by_default()
    {
        var result = Inventories.Load(Inventories.Valid + "\nmetrics:\n  port: 8405");

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Equal(new MetricsSettings(8405, MetricsBind.Node), result.Inventory!.Metrics);
    }

    [Fact]
    public void Bind_all_is_what_asks_for_every_address_the_vip_among_them() =>
        Assert.Equal(MetricsBind.All, Inventories.Load(Inventories.Valid + "\nmetrics:\n  port: 8405\n  bind: all").Inventory!.Metrics!.Bind);

    [Theory]
    [InlineData("metrics:\n  bind: node", 31, "metrics.port", "port: 8405")]
    [InlineData("metrics:\n  port: 8405\n  bind: vip", 32, "metrics.bind", "bind: node")]
    [InlineData("metrics:\n  port: 70000", 31, "metrics.port", "8405")]
    [InlineData("metrics:\n  port: 6443", 31, "metrics.port", "port of its own")]
    [InlineData("metrics:\n  port: 8405\n  path: /x", 32, "metrics.path", "")]
    public void A_bad_metrics_section_is_an_error_at_its_line_naming_the_field_and_the_fix(string section, int line, string field, string fix)
    {
        var result = Inventories.Load(Inventories.Valid + "\n" + section);

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(fix, error.Fix ?? "", StringComparison.Ordinal);
    }
}
