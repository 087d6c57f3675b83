using System.Runtime.Versioning;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

public sealed class MetricsRenderingTests
{
    private static readonly ConfigurationRenderer Renderer = ConfigurationRenderer.WithBuiltInTemplates();

    private static NodeConfiguration Lb1(MetricsSettings? metrics) => Renderer.RenderAll(ExampleInventory.Load() with { Metrics = metrics })[0];

    [Fact]
    public void Without_metrics_there_is_no_lua_file_and_no_metrics_listener()
    {
        var lb1 = Lb1(null);

        Assert.DoesNotContain(lb1.Files, f => f.Path == NodePaths.HaproxyVrrpMetricsLua);
        Assert.DoesNotContain("halb-metrics", lb1.File(NodePaths.HaproxyConfig).Content, StringComparison.Ordinal);
        Assert.DoesNotContain("lua-load", lb1.File(NodePaths.HaproxyConfig).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_bind_the_node_address_and_serve_the_exporter_and_the_vrrp_state()
    {
        var lb1 = Lb1(new MetricsSettings(8405, MetricsBind.Node));
        var config = lb1.File(NodePaths.HaproxyConfig).Content;

        Assert.Contains("    bind 192.168.88.91:8405\n", config);
        Assert.DoesNotContain("192.168.88.201:8405", config, StringComparison.Ordinal);
        Assert.Contains("    http-request use-service prometheus-exporter if { path /metrics }\n", config);
        Assert.Contains("    http-request use-service lua.halb_vrrp_metrics if { path /vrrp-metrics }\n", config);
        Assert.Contains($"    lua-load {NodePaths.HaproxyVrrpMetricsLua}\n", config);
        var lua = lb1.File(NodePaths.HaproxyVrrpMetricsLua);
        Assert.Equal(("0644", "root", false), (lua.Mode, lua.Owner, lua.ContainsSecret));
        Assert.Contains($"local metrics_file = \"{NodePaths.VrrpMetricsFile}\"", lua.Content);
        Assert.Contains("local node = \"lb1\"", lua.Content);
    }

    [Fact]
    public void Bind_all_binds_every_address()
    {
        Assert.Contains("    bind *:8405\n", Lb1(new MetricsSettings(8405, MetricsBind.All)).File(NodePaths.HaproxyConfig).Content);
    }

    [Fact]
    public void The_lua_file_comes_before_haproxy_cfg_uses_it_in_the_rendered_order()
    {
        var paths = Lb1(new MetricsSettings(8405, MetricsBind.Node)).Files.Select(f => f.Path).ToList();

        Assert.Equal([NodePaths.HaproxyConfig, NodePaths.HaproxyVrrpMetricsLua, NodePaths.HaproxyCheckScript, NodePaths.VrrpNotifyScript, NodePaths.KeepalivedConfig], paths);
    }

    /// <summary>haproxy -c loads the Lua file too: the rendered config is checked with the rendered Lua file at its place (path rewritten into a temp dir).</summary>
    [Fact]
    [Trait("Category", "RealBinaries")]
    [SupportedOSPlatform("linux")]
    public void The_rendered_metrics_listener_and_lua_service_pass_haproxy_check_without_warnings()
    {
        var haproxy = ExternalCommand.Locate("haproxy") ?? throw new Xunit.Sdk.XunitException("haproxy is not installed; run scripts/host-setup");
        var dir = Directory.CreateTempSubdirectory("halb-metrics-");
        try
        {
            var lb1 = Lb1(new MetricsSettings(8405, MetricsBind.Node));
            var lua = Path.Combine(dir.FullName, "halb-vrrp-metrics.lua");
            File.WriteAllText(lua, lb1.File(NodePaths.HaproxyVrrpMetricsLua).Content);
            var config = Path.Combine(dir.FullName, "haproxy.cfg");
            File.WriteAllText(config, lb1.File(NodePaths.HaproxyConfig).Content.Replace(NodePaths.HaproxyVrrpMetricsLua, lua, StringComparison.Ordinal));

            var result = ExternalCommand.Run(haproxy, ["-c", "-f", config]);

            Assert.True(result.ExitCode == 0 && !result.Printed.Contains("[WARNING]", StringComparison.Ordinal), result.Printed);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
