using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Validation;

/// <summary>`frontends[].vip` and the rule that ports are unique per VIP (issue #16).</summary>
public sealed class FrontendBindingValidatorTests
{
    /// <summary>
    /// <see cref="VipListValidatorTests.Valid"/> (VIP api, a dual-stack pair, and VIP ingress) without its `backends:`,
    /// and three frontends: 443 on each VIP, 80 on ingress. Line numbers matter: the tests point at them.
    /// </summary>
    internal static readonly string BoundToTwoVips = VipListValidatorTests.Valid[..VipListValidatorTests.Valid.IndexOf("backends:", StringComparison.Ordinal)] + """
        backend_sets:
          - name: workers
            backends:
              - name: w1
                address: 10.0.0.31
        frontends:
          - name: kube-apiserver
            port: 443
            vip: api
            backends: workers
          - name: ingress-https
            port: 443
            vip: ingress
            backends: workers
          - name: ingress-http
            port: 80
            vip: ingress
            backends: workers
        """;

    private static InventoryLoadResult LoadWith(string find, string replace)
    {
        Assert.True(BoundToTwoVips.Contains(find, StringComparison.Ordinal), $"'{find}' is not in the inventory");
        return Inventories.Load(BoundToTwoVips.Replace(find, replace, StringComparison.Ordinal));
    }

    [Fact]
    public void Frontends_bound_to_different_vips_may_share_a_port()
    {
        var result = Inventories.Load(BoundToTwoVips);

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Equal(["api", "ingress", "ingress"], result.Inventory!.Frontends.Select(f => f.Vip));
    }

    [Fact]
    public void Two_frontends_on_one_vip_may_not_share_a_port()
    {
        var error = Assert.Single(LoadWith("port: 80", "port: 443").Errors);

        Assert.Equal(("duplicate", "frontends[2].port", 35), (error.Code, error.Field, error.Line));
        Assert.Contains("frontend port '443' is already used at line 31 by frontend ingress-https on the same VIP ingress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontend_without_vip_takes_its_port_on_every_address_so_a_bound_frontend_may_not_share_it()
    {
        var error = Assert.Single(LoadWith("    vip: api\n", "").Errors);

        Assert.Equal(("duplicate", "frontends[1].port"), (error.Code, error.Field));
        Assert.Contains("by frontend kube-apiserver; kube-apiserver has no `vip:` and binds *:443", error.Message, StringComparison.Ordinal);
        Assert.Contains("bind both frontends to different VIPs", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bound_frontend_takes_its_port_from_a_later_frontend_without_vip_too()
    {
        var error = Assert.Single(LoadWith("    vip: ingress\n    backends: workers\n  - name: ingress-http", "    backends: workers\n  - name: ingress-http").Errors);

        Assert.Equal(("duplicate", "frontends[1].port"), (error.Code, error.Field));
        Assert.Contains("ingress-https has no `vip:` and binds *:443", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_vip_is_an_error_at_its_line_listing_the_vips_names()
    {
        var error = Assert.Single(LoadWith("vip: ingress\n    backends: workers\n  - name: ingress-http", "vip: ingres\n    backends: workers\n  - name: ingress-http").Errors);

        Assert.Equal(("unknown-vip", "frontends[1].vip", 32), (error.Code, error.Field, error.Line));
        Assert.Contains("'ingres' names no entry of `vips:`", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("use one of: api, ingress (did you mean `ingress`?)", error.Fix, StringComparison.Ordinal);
        Assert.StartsWith("inv.yaml:32:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vip_without_a_vips_list_is_an_error_since_the_vip_shorthand_has_no_name_to_bind_to()
    {
        var inventory = FrontendListParserTests.Head + FrontendListParserTests.TwoFrontends.Replace("    port: 9345\n", "    port: 9345\n    vip: api\n", StringComparison.Ordinal);

        var error = Assert.Single(Inventories.Load(inventory).Errors);

        Assert.Equal(("vip-without-vips", "frontends[1].vip"), (error.Code, error.Field));
        Assert.Contains("remove `vip:` to bind *:PORT", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metrics_port_may_not_be_the_port_of_a_bound_frontend_either()
    {
        var error = Assert.Single(Inventories.Load(BoundToTwoVips + "\nmetrics:\n  port: 80").Errors);

        Assert.Equal(("port-clash", "metrics.port"), (error.Code, error.Field));
    }
}
