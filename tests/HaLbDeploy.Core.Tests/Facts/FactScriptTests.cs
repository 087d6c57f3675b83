using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>The fact script itself: its syntax under dash and bash, and a real run on this Debian 12 machine.</summary>
public sealed class FactScriptTests : IDisposable
{
    private static readonly string[] NodePaths = ["/etc/haproxy/haproxy.cfg", "/etc/keepalived/keepalived.conf", "/usr/libexec/keepalived/check_haproxy.sh"];

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("halb-facts-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void The_script_passes_the_syntax_check_of(string shell)
    {
        var result = LocalShell.Run(shell, FactScript.Build(NodePaths, 6443), "-n");

        Assert.Equal("", result.StandardError);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("dash")]
    [InlineData("bash")]
    public void The_script_runs_on_this_debian_12_machine_and_reads_it(string shell)
    {
        var result = LocalShell.Run(shell, FactScript.Build(NodePaths, 6443), "-s");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardError);
        var facts = FactParser.Parse(result.StandardOutput);
        Assert.True(facts.Complete);
        Assert.False(string.IsNullOrWhiteSpace(facts.Hostname));
        Assert.Equal(OsFamily.Debian, facts.OsFamily);
        Assert.Equal("debian", facts.OsId);
        Assert.Equal(PackageManager.Apt, facts.PackageManager);
        Assert.True(facts.PackagesKnown);
        Assert.Contains(facts.Interfaces, i => i.Name == "lo" && i.Addresses.Any(a => a.ToString() == "127.0.0.1/8"));
        Assert.Equal([6443], facts.FrontendPorts);
        Assert.Equal(3, facts.Files.Count);
    }

    [Fact]
    public void The_node_clock_read_here_matches_this_machines_clock()
    {
        var sent = DateTimeOffset.UtcNow;
        var result = LocalShell.Run("sh", FactScript.Build([], 6443), "-s");
        var received = DateTimeOffset.UtcNow;

        var clock = FactParser.Parse(result.StandardOutput).Clock!;

        Assert.InRange(clock.StartEpochMilliseconds, sent.ToUnixTimeMilliseconds(), received.ToUnixTimeMilliseconds());
        Assert.InRange(clock.EndEpochMilliseconds, clock.StartEpochMilliseconds, received.ToUnixTimeMilliseconds());
        Assert.InRange(clock.OffsetFrom(sent, received).TotalMilliseconds, -(received - sent).TotalMilliseconds, (received - sent).TotalMilliseconds);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Managed_files_with_awkward_names_are_hashed_with_their_mode_and_owner()
    {
        var content = "global\n  maxconn 4000\n";
        var awkward = Path.Combine(_scratch.FullName, "it's a $HOME `x` \\ file.cfg");
        File.WriteAllText(awkward, content);
        File.SetUnixFileMode(awkward, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var trailingSpace = Path.Combine(_scratch.FullName, "ends in a space ");
        File.WriteAllText(trailingSpace, "");
        var missing = Path.Combine(_scratch.FullName, "missing.cfg");

        var result = LocalShell.Run("sh", FactScript.Build([awkward, trailingSpace, missing, _scratch.FullName], 6443), "-s");
        var facts = FactParser.Parse(result.StandardOutput);

        var file = Assert.IsType<ManagedFileState>(facts.File(awkward));
        Assert.True(file.Exists && file.IsRegularFile);
        Assert.Equal(ContentDigest.Of(content), file.Sha256);
        Assert.Equal("0640", file.Mode);
        Assert.Equal(Environment.UserName, file.Owner);
        Assert.Equal(ContentDigest.Of(""), facts.File(trailingSpace)!.Sha256);
        Assert.Equal(ManagedFileState.Absent(missing), facts.File(missing));
        var directory = facts.File(_scratch.FullName)!;
        Assert.True(directory.Exists);
        Assert.False(directory.IsRegularFile);
        Assert.Null(directory.Sha256);
        Assert.DoesNotContain(facts.Gaps, g => g.Fact.StartsWith("file", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_section_still_prints_when_every_guarded_tool_is_missing()
    {
        // The script finds tools only through halb_has; making it fail for everything simulates a bare node.
        var config = Path.Combine(_scratch.FullName, "haproxy.cfg");
        File.WriteAllText(config, "global\n");
        var script = FactScript.Build([config], 6443).Replace(
            "halb_facts </dev/null",
            "halb_has() { return 1; }\nhalb_facts </dev/null",
            StringComparison.Ordinal);

        var result = LocalShell.Run("sh", script, "-s");
        var facts = FactParser.Parse(result.StandardOutput);

        Assert.Equal(0, result.ExitCode);
        Assert.True(facts.Complete);
        Assert.Empty(facts.Tools);
        Assert.Equal(PackageManager.Unknown, facts.PackageManager);
        Assert.False(facts.PackagesKnown);
        Assert.Empty(facts.Interfaces);
        Assert.Equal(FirewalldStatus.NotInstalled, facts.Firewall.Status);
        Assert.Equal(SelinuxMode.Absent, facts.Selinux);
        Assert.Equal("debian", facts.OsId);
        Assert.NotNull(facts.Clock);
        Assert.Equal(
            new[] { "addresses", "file " + config, "links", "listeners", "packages", "units" },
            facts.Gaps.Select(g => g.Fact).Order(StringComparer.Ordinal));
        Assert.Contains(new FactGap("addresses", "ip is not available on the node"), facts.Gaps);
        Assert.Contains(new FactGap("packages", "none of dpkg-query, rpm is available on the node"), facts.Gaps);
        Assert.Contains(new FactGap("file " + config, "stat is not available on the node"), facts.Gaps);
        Assert.True(facts.File(config)!.Exists);
    }

    [Fact]
    public void The_script_quotes_every_managed_path_and_names_the_frontend_port()
    {
        var script = FactScript.Build(["/etc/a b.cfg", "/etc/it's.cfg"], 7443);

        Assert.Contains("halb_file '/etc/a b.cfg'\n", script);
        Assert.Contains("halb_file '/etc/it'\\''s.cfg'\n", script);
        Assert.Contains("halb_frontend_ports='7443'\n", script);
    }

    [Fact]
    public void With_several_frontends_the_script_lists_the_listeners_of_every_port_and_of_no_other()
    {
        using var first = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        using var second = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        using var unasked = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        unasked.Start();
        int Port(System.Net.Sockets.TcpListener l) => ((System.Net.IPEndPoint)l.LocalEndpoint).Port;

        var result = LocalShell.Run("sh", FactScript.Build([], Port(first), Port(second)), "-s");
        var facts = FactParser.Parse(result.StandardOutput);

        Assert.Equal([Port(first), Port(second)], facts.FrontendPorts);
        Assert.Equal(new int?[] { Port(first), Port(second) }.Order(), facts.FrontendListeners.Select(l => l.Port).Order());
    }

    [Fact]
    public void A_path_given_twice_is_read_once()
    {
        var script = FactScript.Build(["/etc/haproxy/haproxy.cfg", "/etc/haproxy/haproxy.cfg"], 6443);

        Assert.Single(script.Split('\n'), line => line.Contains("halb_file '/etc/haproxy/haproxy.cfg'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("etc/haproxy/haproxy.cfg")]
    [InlineData("")]
    [InlineData("/etc/haproxy/haproxy.cfg\nrm -rf /")]
    [InlineData("/etc/bell\a")]
    public void Build_refuses_a_path_that_is_not_absolute_or_holds_a_control_character(string path)
    {
        Assert.Throws<ArgumentException>(() => FactScript.Build([path], 6443));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void Build_refuses_a_port_outside_1_to_65535(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FactScript.Build([], port));
    }

    [Fact]
    public void The_script_ends_by_exiting_0_whatever_its_commands_returned()
    {
        var script = FactScript.Build([], 6443);

        Assert.EndsWith("halb_facts </dev/null\nexit 0\n", script);
        Assert.DoesNotContain("set -e", script);
    }
}
