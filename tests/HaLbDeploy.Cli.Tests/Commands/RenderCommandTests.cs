using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests.Commands;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RenderCommandTests
{
    [Fact]
    public async Task Render_writes_every_nodes_files_with_their_modes()
    {
        var dir = Directory.CreateTempSubdirectory("halb-render-");
        try
        {
            var (exit, output, _) = await CliRunner.RunAsync("render", "-i", RepositoryRoot.Of("inventory/example.yaml"), "--out", dir.FullName);

            Assert.Equal(0, exit);
            foreach (var node in new[] { "lb1", "lb2", "lb3" })
            {
                var keepalived = Path.Combine(dir.FullName, node, "etc/keepalived/keepalived.conf");
                Assert.Contains($"router_id {node}", File.ReadAllText(keepalived));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(keepalived));
                Assert.Contains("mode tcp", File.ReadAllText(Path.Combine(dir.FullName, node, "etc/haproxy/haproxy.cfg")));
            }
            Assert.Equal(12, output.Split('\n').Count(l => l.StartsWith("[render/", StringComparison.Ordinal)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_broken_override_template_is_a_usage_error_naming_the_template()
    {
        var templates = Directory.CreateTempSubdirectory("halb-templates-");
        var outDir = Directory.CreateTempSubdirectory("halb-render-");
        try
        {
            File.WriteAllText(Path.Combine(templates.FullName, "haproxy.cfg.liquid"), "global\n{% if %}\n");

            var (exit, _, error) = await CliRunner.RunAsync("render", "-i", RepositoryRoot.Of("inventory/example.yaml"), "--out", outDir.FullName, "--templates", templates.FullName);

            Assert.Equal(2, exit);
            Assert.Contains("haproxy.cfg.liquid", error);
            Assert.Empty(outDir.EnumerateFileSystemInfos());
        }
        finally
        {
            templates.Delete(recursive: true);
            outDir.Delete(recursive: true);
        }
    }
}
