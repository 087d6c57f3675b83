using HaLbDeploy.Core.Tests.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Tests.Validation;

namespace HaLbDeploy.Core.Tests.Rendering;

public sealed class FrontendRenderingTests
{
    private static string Config(string frontends)
    {
        var result = Inventories.Load(FrontendListParserTests.Head + frontends);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        return Rendered.HaproxyConfig(result.Inventory!);
    }

    /// <summary>The directives of one haproxy section, up to the next section.</summary>
    private static IReadOnlyList<string> Section(string config, string opening)
    {
        var lines = Rendered.Directives(config).ToList();
        var start = lines.IndexOf(opening);
        Assert.True(start >= 0, $"no section '{opening}' in:\n{config}");
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("frontend ", StringComparison.Ordinal) && !l.StartsWith("backend ", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void Every_frontend_is_a_tcp_frontend_on_its_port_with_a_backend_of_its_name()
    {
        var config = Rendered.HaproxyConfig(ExampleInventory.Load("k0s"));

        foreach (var (name, port) in new[] { ("kube-apiserver", 6443), ("konnectivity", 8132), ("k0s-api", 9443) })
        {
            Assert.Equal(["bind *:" + port, "mode tcp", "option tcplog", "default_backend " + name], Section(config, "frontend " + name).Where(l => !l.StartsWith("timeout ", StringComparison.Ordinal)));
            Assert.Equal("mode tcp", Section(config, "backend " + name)[0]);
        }
    }

    [Fact]
    public void A_frontend_bound_to_a_vip_binds_each_address_of_that_vip_alone_and_transparently()
    {
        var config = Rendered.HaproxyConfig(Inventories.Load(FrontendBindingValidatorTests.BoundToTwoVips).Inventory!);

        Assert.Equal(["bind 10.0.0.100:443 transparent", "bind [fd00:1::100]:443 transparent"], Binds(Section(config, "frontend kube-apiserver")));
        Assert.Equal(["bind 10.0.0.101:443 transparent"], Binds(Section(config, "frontend ingress-https")));
        Assert.Equal(["bind 10.0.0.101:80 transparent"], Binds(Section(config, "frontend ingress-http")));
    }

    [Fact]
    public void A_frontend_without_vip_beside_bound_ones_binds_every_address_as_before()
    {
        var inventory = Inventories.Load(FrontendBindingValidatorTests.BoundToTwoVips.Replace("port: 80\n    vip: ingress\n", "port: 80\n", StringComparison.Ordinal)).Inventory!;

        Assert.Equal(["bind *:80", "bind :::80 v6only"], Binds(Section(Rendered.HaproxyConfig(inventory), "frontend ingress-http")));
    }

    [Fact]
    public void The_ingress_example_binds_the_api_to_the_api_vip_and_80_and_443_to_the_ingress_vip()
    {
        var config = Rendered.HaproxyConfig(ExampleInventory.Load("ingress"));

        Assert.Equal(["bind 192.168.88.203:6443 transparent"], Binds(Section(config, "frontend kube-apiserver")));
        Assert.Equal(["bind 192.168.88.204:80 transparent"], Binds(Section(config, "frontend ingress-http")));
        Assert.Equal(["bind 192.168.88.204:443 transparent"], Binds(Section(config, "frontend ingress-https")));
    }

    private static IReadOnlyList<string> Binds(IReadOnlyList<string> section) => section.Where(l => l.StartsWith("bind ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void A_tcp_check_sends_nothing_and_its_servers_check_without_tls()
    {
        var backend = Section(Rendered.HaproxyConfig(ExampleInventory.Load("rke2")), "backend rke2-supervisor");

        Assert.DoesNotContain(backend, l => l.StartsWith("option httpchk", StringComparison.Ordinal) || l.StartsWith("http-check", StringComparison.Ordinal));
        Assert.Contains("balance leastconn", backend);
        Assert.Contains("server server1 192.168.88.97:9345 check", backend);
        Assert.DoesNotContain(backend, l => l.Contains("check-ssl", StringComparison.Ordinal));
    }

    [Fact]
    public void An_https_check_in_the_list_renders_exactly_as_the_shorthand_does()
    {
        var listed = Section(Rendered.HaproxyConfig(ExampleInventory.Load("rke2")), "backend kube-apiserver");
        var shorthand = Section(Rendered.HaproxyConfig(ExampleInventory.Load()), "backend kube-apiserver");

        Assert.Equal(shorthand.Where(l => !l.StartsWith("server ", StringComparison.Ordinal)), listed.Where(l => !l.StartsWith("server ", StringComparison.Ordinal)));
        Assert.Contains("server server1 192.168.88.97:6443 check check-ssl verify none", listed);
    }

    [Fact]
    public void An_http_check_gets_the_path_without_tls_and_without_demanding_200()
    {
        var backend = Section(Config(FrontendListParserTests.TwoFrontends.Replace("kind: tcp", "kind: http\n      path: /healthz", StringComparison.Ordinal)), "backend supervisor");

        Assert.Contains("option httpchk GET /healthz", backend);
        Assert.DoesNotContain(backend, l => l.StartsWith("http-check expect", StringComparison.Ordinal));
        Assert.DoesNotContain(backend, l => l.Contains("check-ssl", StringComparison.Ordinal));
    }

    [Fact]
    public void Send_proxy_v2_and_own_timeouts_land_on_that_frontend_only()
    {
        var config = Config(FrontendListParserTests.TwoFrontends);

        Assert.Contains("server own1 10.0.0.31:9345 check send-proxy-v2", Section(config, "backend supervisor"));
        Assert.Contains("timeout client 1h", Section(config, "frontend supervisor"));
        Assert.DoesNotContain(Section(config, "backend supervisor"), l => l.StartsWith("timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(Section(config, "frontend api"), l => l.StartsWith("timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(Section(config, "backend api"), l => l.Contains("send-proxy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rke2")]
    [InlineData("k0s")]
    public void No_http_option_appears_in_any_tcp_section(string inventory)
    {
        var config = Rendered.HaproxyConfig(ExampleInventory.Load(inventory));

        foreach (var option in new[] { "option httplog", "option forwardfor", "option http-server-close", "mode http" })
            Assert.DoesNotContain(option, config, StringComparison.Ordinal);
    }
}
