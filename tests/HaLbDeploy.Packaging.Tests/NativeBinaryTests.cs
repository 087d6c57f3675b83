using System.Runtime.Versioning;
using System.Text.Json;
using HaLbDeploy.Packaging.Tests.TestSupport;

namespace HaLbDeploy.Packaging.Tests;

[Collection(NativeCollection.Name)]
[Trait("Category", "Packaging")]
[SupportedOSPlatform("linux")] // the native binary is built for linux-x64
public sealed class NativeBinaryTests(NativeBinary native) : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("halb-native-render-").FullName;

    // No .NET anywhere: a native binary must not look for a runtime.
    private static readonly Dictionary<string, string> Secret = new() { ["HALB_VRRP_SECRET"] = "k8sVip01", ["DOTNET_ROOT"] = "/nonexistent", ["PATH"] = "/usr/bin:/bin" };

    [Fact]
    public void The_build_prints_the_binary_with_its_digest_and_what_it_cost_and_no_warning_outside_Fluid()
    {
        native.RequireBuilt();

        Assert.Matches($@"halb-deploy-{native.Version}-linux-x64-native +\S+ +sha256 [0-9a-f]{{64}}", native.Build.Output);
        Assert.Matches(@"built in [0-9.]+ s wall, [0-9.]+ s CPU", native.Build.Output);
        Assert.Contains("all inside Fluid's own code", native.Build.Output);
        Assert.Equal([Path.GetFileName(native.Executable)], Directory.GetFiles(native.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void The_native_binary_is_machine_code_with_no_dotnet_runtime_and_prints_the_bare_version()
    {
        native.RequireBuilt();

        var header = new byte[4];
        using (var file = File.OpenRead(native.Executable)) file.ReadExactly(header);
        var run = ExternalProcess.Run(native.Executable, ["--version"], TimeSpan.FromSeconds(30), Secret);

        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], header);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(native.Version, run.Output.Trim());
    }

    [Fact]
    public void The_native_binary_shows_help_with_every_command()
    {
        native.RequireBuilt();

        var run = ExternalProcess.Run(native.Executable, ["--help"], TimeSpan.FromSeconds(30), Secret);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var command in new[] { "validate", "render", "plan", "apply", "verify", "status", "failover-test" }) Assert.Contains($"  {command} ", run.Output);
        Assert.Contains("Exit codes: 0 ok", run.Output);
    }

    [Fact]
    public void The_native_binary_validates_and_answers_in_json_from_the_generated_serializer()
    {
        native.RequireBuilt();

        var text = ExternalProcess.Run(native.Executable, ["validate", "-i", RepositoryRoot.Of("inventory/example.yaml")], TimeSpan.FromSeconds(30), Secret);
        var json = ExternalProcess.Run(native.Executable, ["validate", "-i", RepositoryRoot.Of("inventory/example.yaml"), "--output", "json"], TimeSpan.FromSeconds(30), Secret);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("valid (3 LB nodes, 3 API servers, VIP 192.168.88.201/24, router id 51)", text.Output);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        Assert.True(document.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(3, document.RootElement.GetProperty("nodes").GetInt32());
    }

    [Fact]
    public void The_native_binary_refuses_a_broken_inventory_with_exit_code_2_and_the_position()
    {
        native.RequireBuilt();
        var broken = Path.Combine(_out, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(RepositoryRoot.Of("inventory/example.yaml")).Replace("virtual_router_id: 51", "virtual_router_id: 999"));

        var run = ExternalProcess.Run(native.Executable, ["validate", "-i", broken], TimeSpan.FromSeconds(30), Secret);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.yaml:", run.Output + run.Error);
        Assert.Contains("virtual_router_id", run.Output + run.Error);
    }

    [Fact]
    public void The_native_binary_renders_every_node_byte_for_byte_like_the_dotnet_build()
    {
        native.RequireBuilt();
        var reference = Path.Combine(_out, "reference");
        var rendered = Path.Combine(_out, "native");

        var run = ExternalProcess.Run(native.Executable, ["render", "-i", RepositoryRoot.Of("inventory/example.yaml"), "--out", rendered], TimeSpan.FromSeconds(30), Secret);
        var dotnet = ExternalProcess.Run("dotnet", ["run", "--project", RepositoryRoot.Of("src/HaLbDeploy.Cli"), "-c", "Release", "--no-build", "--",
            "render", "-i", RepositoryRoot.Of("inventory/example.yaml"), "--out", reference], TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["HALB_VRRP_SECRET"] = "k8sVip01" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(dotnet.ExitCode == 0, dotnet.ToString());
        var files = Directory.GetFiles(reference, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(reference, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(12, files.Count);
        Assert.Equal(files, Directory.GetFiles(rendered, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(rendered, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllText(Path.Combine(reference, f)), File.ReadAllText(Path.Combine(rendered, f))));
        Assert.Contains("auth_pass \"k8sVip01\"", File.ReadAllText(Path.Combine(rendered, "lb1/etc/keepalived/keepalived.conf")));
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
