using System.Runtime.Versioning;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Tests.Validation;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>
/// Checks the rendered files with the real programs: `haproxy -c -f FILE` and `keepalived -t -f FILE`
/// (scripts/host-setup installs both). A missing program fails these tests; it never skips them.
///
/// keepalived -t checks more than syntax: the interface must exist, and with enable_script_security the check
/// script must exist, be executable, and sit on a path nobody but root can write, or keepalived disables it and
/// exits 5. So each node is tested the way it will run: inside throw-away mount and network namespaces
/// (unshare, needs root) the rendered check script is laid over /usr/libexec at its real path and a veth pair
/// gives the node's interface name. The keepalived.conf under test is byte-for-byte the rendered one, and the
/// host is left unchanged. Exit codes of keepalived 2.2.7 -t seen here: 0 clean; 5 a problem keepalived would
/// work around (missing or insecure script, unknown keyword, missing interface, auth with vrrp_strict);
/// 6 scripts configured without enable_script_security.
/// </summary>
[Trait("Category", "RealBinaries")]
[SupportedOSPlatform("linux")]
public sealed class RealBinaryValidationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("halb-render-");

    public void Dispose() => _root.Delete(recursive: true);

    public static TheoryData<string> Variants() => ["example", "multicast-nopreempt", "strict-accept", "no-secret", "fast", "fast-track-process", "fast-track-file", "dual-stack-fast-track-file", "rke2", "k0s", "ingress", "frontends-every-option", "dual-stack", "dual-stack-multicast", "frontends-bound-to-vips"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_rendered_haproxy_config_passes_haproxy_check_without_warnings(string variant)
    {
        var haproxy = Require("haproxy");
        var problems = new List<string>();
        foreach (var node in RenderToDisk(Variant(variant), FactsOf(variant)))
        {
            var config = OnDisk(node, NodePaths.HaproxyConfig);
            var result = ExternalCommand.Run(haproxy, ["-c", "-f", config]);
            if (result.ExitCode != 0 || result.StandardError.Contains("[WARNING]", StringComparison.Ordinal))
                problems.Add($"{node.Node.Name}: haproxy -c exited {result.ExitCode}:\n{result.Printed}\n--- {config}\n{File.ReadAllText(config)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_rendered_keepalived_config_passes_keepalived_config_test_with_its_check_script_in_place(string variant)
    {
        var keepalived = Require("keepalived");
        var problems = new List<string>();
        foreach (var node in RenderToDisk(Variant(variant), FactsOf(variant)))
        {
            var result = KeepalivedConfigTest(keepalived, node);
            if (result.ExitCode != 0 || result.Printed.Contains("WARNING", StringComparison.Ordinal) || result.Printed.Contains("Disabling", StringComparison.Ordinal))
            {
                var config = OnDisk(node, NodePaths.KeepalivedConfig);
                problems.Add($"{node.Node.Name}: keepalived -t exited {result.ExitCode}:\n{result.Printed}\n--- {config}\n{File.ReadAllText(config)}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_rendered_check_script_is_valid_sh(string variant)
    {
        var sh = Require("sh");
        foreach (var node in RenderToDisk(Variant(variant), FactsOf(variant)))
        {
            var result = ExternalCommand.Run(sh, ["-n", OnDisk(node, NodePaths.HaproxyCheckScript)]);
            Assert.True(result.ExitCode == 0, $"{node.Node.Name}: sh -n exited {result.ExitCode}: {result.Printed}");
        }
    }

    [Theory]
    [InlineData("active", 0)]
    [InlineData("reloading", 0)]
    [InlineData("activating", 1)]
    [InlineData("deactivating", 1)]
    [InlineData("inactive", 1)]
    [InlineData("failed", 1)]
    public void The_check_script_passes_only_while_systemd_reports_haproxy_active_or_reloading(string state, int expectedExit)
    {
        Assert.True(Environment.IsPrivilegedProcess, "the check script is run with a stand-in systemctl bound over the real one in a private mount namespace: run the tests as root");
        var node = RenderToDisk(ExampleInventory.Load())[0];
        var fakeSystemctl = Path.Combine(_root.FullName, "systemctl");
        File.WriteAllText(fakeSystemctl, "#!/bin/sh\necho \"$1 $2 $3\" > \"$HALB_CALL_LOG\"\necho \"$HALB_UNIT_STATE\"\n[ \"$HALB_UNIT_STATE\" = active ]\n");
        File.SetUnixFileMode(fakeSystemctl, Mode("0755"));
        var callLog = Path.Combine(_root.FullName, "calls");
        const string Script = """
            set -eu
            fake=$1 check=$2
            for systemctl in /usr/bin/systemctl /bin/systemctl; do
                [ -e "$systemctl" ] && [ ! -L "$systemctl" ] && mount --bind "$fake" "$systemctl"
            done
            "$check" && echo "exit=0" || echo "exit=$?"
            """;

        var result = ExternalCommand.Run(Require("unshare"),
            ["--mount", "--", "env", $"HALB_UNIT_STATE={state}", $"HALB_CALL_LOG={callLog}", "sh", "-c", Script, "sh", fakeSystemctl, OnDisk(node, NodePaths.HaproxyCheckScript)]);

        Assert.Equal($"exit={expectedExit}", result.StandardOutput.Trim());
        Assert.Equal("is-active haproxy.service", File.ReadAllText(callLog).Trim());
    }

    [Fact]
    public void The_keepalived_check_notices_a_check_script_others_can_write()
    {
        var keepalived = Require("keepalived");
        var node = RenderToDisk(ExampleInventory.Load())[0];
        File.SetUnixFileMode(OnDisk(node, NodePaths.HaproxyCheckScript), Mode("0777"));

        var result = KeepalivedConfigTest(keepalived, node);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("insecure", result.Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_haproxy_check_notices_the_http_options_of_the_seed_article()
    {
        var haproxy = Require("haproxy");
        var node = RenderToDisk(ExampleInventory.Load())[0];
        var config = OnDisk(node, NodePaths.HaproxyConfig);
        File.WriteAllText(config, File.ReadAllText(config).Replace("option tcplog", "option httplog", StringComparison.Ordinal));

        var result = ExternalCommand.Run(haproxy, ["-c", "-f", config]);

        Assert.Contains("[WARNING]", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("httplog", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>
    /// "fast-track-process" renders as for a node outside a container with keepalived 2.2.7 (vrrp_track_process and
    /// the track file), "fast-track-file" as for one in a container (the track file alone).
    /// </summary>
    private static NodeFacts? FactsOf(string variant) => variant switch
    {
        "fast-track-process" => new NodeFacts { KeepalivedVersion = "1:2.2.7-1+b2", InitialNamespaces = true },
        "fast-track-file" or "dual-stack-fast-track-file" => new NodeFacts { KeepalivedVersion = "1:2.2.7-1+b2", InitialNamespaces = false },
        _ => null,
    };

    private static Inventory Variant(string name) => name switch
    {
        "example" => ExampleInventory.Load(),
        "multicast-nopreempt" => ExampleInventory.MulticastWithoutPreempt(),
        "strict-accept" => ExampleInventory.StrictWithAccept(),
        "no-secret" => ExampleInventory.WithoutSecret(),
        "fast" or "fast-track-process" or "fast-track-file" => ExampleInventory.Fast(),
        "dual-stack-fast-track-file" => ExampleInventory.FastDualStack(),
        "rke2" or "k0s" or "ingress" => ExampleInventory.Load(name),
        "frontends-every-option" => ExampleInventory.WithEveryFrontendOption(),
        "dual-stack" => ExampleInventory.DualStack(),
        "dual-stack-multicast" => ExampleInventory.DualStack() with { Vrrp = ExampleInventory.DualStack().Vrrp with { Mode = VrrpMode.Multicast } },
        "frontends-bound-to-vips" => Inventories.Load(FrontendBindingValidatorTests.BoundToTwoVips).Inventory!,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown variant"),
    };

    /// <summary>keepalived -t on the node's rendered keepalived.conf, with the check script and interface in place.</summary>
    private ExternalCommandResult KeepalivedConfigTest(string keepalived, NodeConfiguration node)
    {
        Assert.True(Environment.IsPrivilegedProcess,
            "keepalived -t must run in its own mount and network namespaces (unshare) to see the check script at its real path and the node's interface: run the tests as root");
        var unshare = Require("unshare");
        const string Script = """
            set -eu
            PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
            node_root=$1 interface=$2 config=$3 keepalived=$4
            mount -t overlay halb-test -o "lowerdir=$node_root/usr/libexec:/usr/libexec" /usr/libexec
            ip link add "$interface" type veth peer name halb-peer0
            exec "$keepalived" -t -f "$config"
            """;
        return ExternalCommand.Run(unshare,
            ["--mount", "--net", "--", "sh", "-c", Script, "sh",
                NodeRoot(node), node.Node.Interface, OnDisk(node, NodePaths.KeepalivedConfig), keepalived]);
    }

    /// <summary>Writes each node's files under ROOT/NODE/PATH with their rendered modes, directories 0755.</summary>
    private IReadOnlyList<NodeConfiguration> RenderToDisk(Inventory inventory, NodeFacts? facts = null)
    {
        var renderer = ConfigurationRenderer.WithBuiltInTemplates();
        var nodes = inventory.Nodes.Select(n => renderer.Render(inventory, n, facts)).ToList();
        foreach (var node in nodes)
        {
            foreach (var file in node.Files)
            {
                var path = OnDisk(node, file.Path);
                for (var dir = Path.GetDirectoryName(path)!; dir.Length > _root.FullName.Length; dir = Path.GetDirectoryName(dir)!)
                {
                    Directory.CreateDirectory(dir);
                    File.SetUnixFileMode(dir, Mode("0755"));
                }
                File.WriteAllText(path, file.Content);
                File.SetUnixFileMode(path, Mode(file.Mode));
            }
        }
        return nodes;
    }

    private string NodeRoot(NodeConfiguration node) => Path.Combine(_root.FullName, node.Node.Name);

    private string OnDisk(NodeConfiguration node, string pathOnNode) => Path.Combine(NodeRoot(node), pathOnNode.TrimStart('/'));

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    private static string Require(string program) =>
        ExternalCommand.Locate(program)
        ?? throw new Xunit.Sdk.XunitException($"{program} is not installed; run scripts/host-setup (apt-get install haproxy keepalived) - these checks must not be skipped");
}
