using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

public sealed class FrontendListParserTests
{
    /// <summary><see cref="Inventories.Valid"/> without its `backends:` (lines 1-22), so a `frontends:` list starts at line 23.</summary>
    internal static readonly string Head = Inventories.Valid[..Inventories.Valid.IndexOf("backends:", StringComparison.Ordinal)];

    internal const string TwoFrontends = """
        backend_sets:
          - name: servers
            backends:
              - name: s1
                address: 10.0.0.21
              - name: s2
                address: 10.0.0.22
                port: 16443
        frontends:
          - name: api
            port: 6443
            backends: servers
          - name: supervisor
            port: 9345
            backends:
              - name: own1
                address: 10.0.0.31
            health_check:
              kind: tcp
              interval: 500ms
            balance: leastconn
            send_proxy_v2: true
            timeouts:
              client: 1h
        """;

    [Fact]
    public void The_rke2_example_has_two_frontends_that_share_the_servers_each_on_its_own_port()
    {
        var inventory = ExampleInventory.Load("rke2");

        Assert.Equal(["kube-apiserver", "rke2-supervisor"], inventory.Frontends.Select(f => f.Name));
        Assert.Equal([6443, 9345], inventory.FrontendPorts);
        Assert.All(inventory.Frontends, f => Assert.Equal("servers", f.BackendSet));
        Assert.Equal(["192.168.88.97:9345", "192.168.88.98:9345", "192.168.88.99:9345"], inventory.Frontends[1].Backends.Select(b => $"{b.Address}:{b.Port}"));
        Assert.Equal(HealthCheckKind.Tcp, inventory.Frontends[1].HealthCheck.Kind);
        Assert.Equal(BalanceAlgorithm.LeastConn, inventory.Frontends[1].Balance);
    }

    [Fact]
    public void A_frontend_without_vip_is_bound_to_no_vip_and_one_with_vip_names_it()
    {
        var unbound = Inventories.Load(Head + TwoFrontends).Inventory!;
        var bound = Inventories.Load(HaLbDeploy.Core.Tests.Validation.FrontendBindingValidatorTests.BoundToTwoVips).Inventory!;

        Assert.All(unbound.Frontends, f => Assert.Null(f.Vip));
        Assert.Equal("api", bound.Frontends[0].Vip);
    }

    [Fact]
    public void The_k0s_example_has_three_frontends_on_6443_8132_and_9443()
    {
        var inventory = ExampleInventory.Load("k0s");

        Assert.Equal([6443, 8132, 9443], inventory.FrontendPorts);
        Assert.Equal("1h", inventory.Frontends[1].Timeouts.Client?.ToString());
        Assert.Null(inventory.Frontends[1].Timeouts.Connect);
    }

    [Fact]
    public void A_set_member_without_a_port_takes_its_frontends_port_and_one_with_a_port_keeps_it()
    {
        var inventory = Load(TwoFrontends);

        Assert.Equal(["10.0.0.21:6443", "10.0.0.22:16443"], inventory.Frontends[0].Backends.Select(b => $"{b.Address}:{b.Port}"));
        Assert.Equal(["10.0.0.31:9345"], inventory.Frontends[1].Backends.Select(b => $"{b.Address}:{b.Port}"));
        Assert.Null(inventory.Frontends[1].BackendSet);
        Assert.True(inventory.Frontends[1].SendProxyV2);
        Assert.Equal("frontends[1].backends", inventory.Frontends[1].Fields.Backends);
        Assert.Equal("backend_sets[0].backends", inventory.Frontends[0].Fields.Backends);
    }

    [Fact]
    public void A_frontend_written_with_nothing_but_name_port_and_backends_checks_and_balances_as_the_shorthand_does()
    {
        var frontend = Load(TwoFrontends).Frontends[0];
        var shorthand = Inventories.Load(Inventories.Valid).Inventory!.Frontends[0];

        Assert.Equal(shorthand.HealthCheck, frontend.HealthCheck);
        Assert.Equal(shorthand.Balance, frontend.Balance);
        Assert.Equal(FrontendTimeouts.Inherited, frontend.Timeouts);
        Assert.False(frontend.SendProxyV2);
    }

    [Fact]
    public void The_shorthand_is_the_one_frontend_kube_apiserver_with_its_backends_on_6443()
    {
        var frontend = Assert.Single(Inventories.Load(Inventories.Valid).Inventory!.Frontends);

        Assert.Equal((Frontend.ShorthandName, 6443, HealthCheckKind.Https), (frontend.Name, frontend.Port, frontend.HealthCheck.Kind));
        Assert.Equal(FrontendFields.Shorthand, frontend.Fields);
    }

    [Fact]
    public void A_reference_to_a_set_that_does_not_exist_is_an_error_at_its_line_naming_the_sets_there_are()
    {
        var error = SingleError(TwoFrontends.Replace("backends: servers", "backends: server", StringComparison.Ordinal));

        Assert.Equal(("unknown-backend-set", "frontends[0].backends", 34), (error.Code, error.Field, error.Line));
        Assert.Contains("'server' names no entry of `backend_sets:`", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean `servers`?", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shorthand_beside_a_frontends_list_is_an_error_that_says_which_to_keep()
    {
        var result = Inventories.Load(Head + TwoFrontends + "\nhealth_check:\n  path: /livez");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("frontends-with-shorthand", "health_check"), (error.Code, error.Field));
        Assert.Contains("drop `frontends:` and keep the shorthand", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: tcp", "kind: udp", "frontends[1].health_check.kind", "bad-value")]
    [InlineData("balance: leastconn", "balance: random", "frontends[1].balance", "bad-value")]
    [InlineData("      kind: tcp\n", "      kind: tcp\n      path: /x\n", "frontends[1].health_check.path", "path-with-tcp-check")]
    [InlineData("send_proxy_v2: true", "send_proxy_v2: yes please", "frontends[1].send_proxy_v2", "not-a-boolean")]
    public void A_bad_frontend_field_is_one_located_error(string find, string replace, string field, string code)
    {
        var error = SingleError(TwoFrontends.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.True(error.Line > 22, $"line {error.Line}");
    }

    [Fact]
    public void A_frontend_without_port_or_backends_is_told_what_to_add()
    {
        var result = Inventories.Load(Head + "frontends:\n  - name: api\n");

        Assert.Contains(result.Errors, e => e.Field == "frontends[0].port" && e.Code == "missing-field");
        Assert.Contains(result.Errors, e => e.Field == "frontends[0].backends" && e.Code == "missing-field");
    }

    [Fact]
    public void A_set_no_frontend_uses_is_a_warning()
    {
        var result = Inventories.Load(Head + TwoFrontends.Replace("backend_sets:\n", "backend_sets:\n  - name: spare\n    backends:\n      - name: x\n        address: 10.0.0.40\n", StringComparison.Ordinal));

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("unused-backend-set", "backend_sets[0]"), (warning.Code, warning.Field));
    }

    private static Inventory Load(string frontends)
    {
        var result = Inventories.Load(Head + frontends);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        return result.Inventory!;
    }

    private static HaLbDeploy.Core.Validation.InventoryProblem SingleError(string frontends) => Assert.Single(Inventories.Load(Head + frontends).Errors);
}
