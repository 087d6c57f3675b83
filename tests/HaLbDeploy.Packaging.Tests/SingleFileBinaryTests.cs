using System.Runtime.Versioning;
using HaLbDeploy.Packaging.Tests.TestSupport;

namespace HaLbDeploy.Packaging.Tests;

[Collection(PackagingCollection.Name)]
[Trait("Category", "Packaging")]
[SupportedOSPlatform("linux")] // the single file is built for linux-x64
public sealed class SingleFileBinaryTests(PackagedArtifacts artifacts) : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("halb-single-file-render-").FullName;

    private static readonly Dictionary<string, string> Secret = new() { ["HALB_VRRP_SECRET"] = "k8sVip01", ["DOTNET_ROOT"] = "/nonexistent" };

    [Fact]
    public void The_single_file_is_one_executable_that_needs_no_installed_dotnet()
    {
        artifacts.RequirePackaged();

        var header = new byte[4];
        using (var file = File.OpenRead(artifacts.SingleFile)) file.ReadExactly(header);
        var run = ExternalProcess.Run(artifacts.SingleFile, ["--version"], TimeSpan.FromSeconds(30), Secret);

        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], header);
        Assert.True(File.GetUnixFileMode(artifacts.SingleFile).HasFlag(UnixFileMode.UserExecute));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(artifacts.Version, run.Output.Trim());
    }

    [Fact]
    public void The_single_file_validates_the_example_inventory()
    {
        artifacts.RequirePackaged();

        var run = ExternalProcess.Run(artifacts.SingleFile, ["validate", "-i", RepositoryRoot.Of("inventory/example.yaml")], TimeSpan.FromSeconds(30), Secret);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("valid (3 LB nodes, 3 API servers, VIP 192.168.88.201/24, router id 51)", run.Output);
    }

    [Fact]
    public void The_single_file_renders_every_node_from_the_templates_embedded_in_it()
    {
        artifacts.RequirePackaged();

        var run = ExternalProcess.Run(artifacts.SingleFile, ["render", "-i", RepositoryRoot.Of("inventory/example.yaml"), "--out", _out], TimeSpan.FromSeconds(30), Secret);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Per node: haproxy.cfg, keepalived.conf, the haproxy check script and the VRRP notify script.
        Assert.Equal(12, Directory.GetFiles(_out, "*", SearchOption.AllDirectories).Length);
        Assert.Contains("halb-vrrp-notify.sh", File.ReadAllText(Path.Combine(_out, "lb3/etc/keepalived/keepalived.conf")));
        var haproxy = File.ReadAllText(Path.Combine(_out, "lb1/etc/haproxy/haproxy.cfg"));
        Assert.StartsWith("# Managed by halb-deploy", haproxy);
        Assert.Contains("mode tcp", haproxy);
        Assert.Contains("unicast_peer", File.ReadAllText(Path.Combine(_out, "lb2/etc/keepalived/keepalived.conf")));
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
