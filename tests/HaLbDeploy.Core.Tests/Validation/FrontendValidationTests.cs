using HaLbDeploy.Core.Tests.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Validation;

public sealed class FrontendValidationTests
{
    private static HaLbDeploy.Core.Model.InventoryLoadResult Load(string find, string replace) =>
        Inventories.Load(FrontendListParserTests.Head + FrontendListParserTests.TwoFrontends.Replace(find, replace, StringComparison.Ordinal));

    [Fact]
    public void Two_frontends_on_one_port_are_an_error_at_the_second_pointing_at_the_first()
    {
        var error = Assert.Single(Load("port: 9345", "port: 6443").Errors);

        Assert.Equal(("duplicate", "frontends[1].port", 36), (error.Code, error.Field, error.Line));
        Assert.Contains("frontend port '6443' is already used at line 33", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_frontends_with_one_name_are_an_error_because_the_name_is_haproxys_section()
    {
        var error = Assert.Single(Load("name: supervisor", "name: api").Errors);

        Assert.Equal(("duplicate", "frontends[1].name"), (error.Code, error.Field));
        Assert.Contains("names haproxy's frontend and backend sections", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metrics_port_may_not_be_any_frontends_port()
    {
        var result = Inventories.Load(FrontendListParserTests.Head + FrontendListParserTests.TwoFrontends + "\nmetrics:\n  port: 9345");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("port-clash", "metrics.port"), (error.Code, error.Field));
        Assert.Contains("frontend supervisor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontend_on_the_nodes_ssh_port_is_an_error()
    {
        var error = Assert.Single(Load("port: 9345", "port: 22").Errors);

        Assert.Equal(("port-clash", "frontends[1].port"), (error.Code, error.Field));
        Assert.Contains("SSH port of node lb1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontend_may_not_take_the_metrics_listeners_section_name()
    {
        var error = Assert.Single(Load("name: supervisor", "name: halb-metrics").Errors);

        Assert.Equal(("reserved-name", "frontends[1].name"), (error.Code, error.Field));
    }

    [Fact]
    public void A_set_two_frontends_share_with_a_duplicate_backend_is_reported_once_where_the_set_is_written()
    {
        const string Shared = """
            backend_sets:
              - name: servers
                backends:
                  - name: s1
                    address: 10.0.0.21
                  - name: s1
                    address: 10.0.0.22
            frontends:
              - name: api
                port: 6443
                backends: servers
              - name: supervisor
                port: 9345
                backends: servers
            """;

        var error = Assert.Single(Inventories.Load(FrontendListParserTests.Head + Shared).Errors);

        Assert.Equal(("duplicate", "backend_sets[0].backends[1].name", 28), (error.Code, error.Field, error.Line));
    }

    [Fact]
    public void Health_check_ranges_are_checked_per_frontend()
    {
        var error = Assert.Single(Load("interval: 500ms", "interval: 10ms").Errors);

        Assert.Equal(("out-of-range", "frontends[1].health_check.interval"), (error.Code, error.Field));
    }
}
