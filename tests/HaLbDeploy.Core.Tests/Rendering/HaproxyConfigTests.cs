using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

public sealed class HaproxyConfigTests
{
    private readonly string _config = Rendered.HaproxyConfig(ExampleInventory.Load());

    [Theory]
    [InlineData("httplog")]
    [InlineData("http-server-close")]
    [InlineData("forwardfor")]
    [InlineData("mode http")]
    public void Has_no_http_only_option(string httpOption) =>
        Assert.DoesNotContain(httpOption, _config, StringComparison.Ordinal);

    [Fact]
    public void Runs_in_tcp_mode_with_tcplog_in_defaults_frontend_and_backend()
    {
        Assert.Contains("mode tcp", Rendered.Block(_config, "defaults"));
        Assert.Contains("option tcplog", Rendered.Block(_config, "defaults"));
        var frontend = Rendered.Directives(_config).SkipWhile(l => l != "frontend kube-apiserver").TakeWhile(l => !l.StartsWith("backend", StringComparison.Ordinal)).ToList();
        Assert.Contains("mode tcp", frontend);
        Assert.Contains("option tcplog", frontend);
        Assert.Contains("bind *:6443", frontend);
        Assert.Contains("default_backend kube-apiserver", frontend);
        Assert.Contains("mode tcp", Backend());
    }

    [Fact]
    public void Checks_each_api_server_with_a_tls_get_of_the_inventory_path_expecting_200()
    {
        var backend = Backend();
        Assert.Contains("option httpchk GET /readyz", backend);
        Assert.All(backend.Where(l => l.StartsWith("server ", StringComparison.Ordinal)), l => Assert.Contains(" check check-ssl verify none", l));
        Assert.Contains("http-check expect status 200", backend);
        Assert.Contains("default-server inter 1s fall 2 rise 2 slowstart 10s on-marked-down shutdown-sessions", backend);
    }

    [Fact]
    public void Lists_every_backend_as_one_checked_server_in_inventory_order()
    {
        var servers = Backend().Where(l => l.StartsWith("server ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "server master1 192.168.88.97:6443 check check-ssl verify none",
                "server master2 192.168.88.98:6443 check check-ssl verify none",
                "server master3 192.168.88.99:6443 check check-ssl verify none",
            ],
            servers);
    }

    [Fact]
    public void Takes_its_timeouts_from_the_inventory()
    {
        var defaults = Rendered.Block(_config, "defaults");
        Assert.Contains("timeout connect 5s", defaults);
        Assert.Contains("timeout client 15m", defaults);
        Assert.Contains("timeout server 15m", defaults);
    }

    [Fact]
    public void Runs_as_a_master_worker_with_an_admin_socket_that_hands_over_listeners_and_no_daemon_keyword()
    {
        var global = Rendered.Directives(_config).SkipWhile(l => l != "global").TakeWhile(l => l != "defaults").ToList();
        Assert.Contains("master-worker", global);
        Assert.Contains("stats socket /var/lib/haproxy/admin.sock mode 660 level admin expose-fd listeners", global);
        Assert.Contains("user haproxy", global);
        Assert.Contains("group haproxy", global);
        Assert.Contains("log /dev/log local0", global);
        Assert.DoesNotContain("daemon", global);
    }

    [Fact]
    public void Is_the_same_on_every_node()
    {
        var inventory = ExampleInventory.Load();
        Assert.Equal(Rendered.HaproxyConfig(inventory, "lb1"), Rendered.HaproxyConfig(inventory, "lb3"));
    }

    private List<string> Backend() =>
        Rendered.Directives(_config).SkipWhile(l => l != "backend kube-apiserver").ToList();
}
