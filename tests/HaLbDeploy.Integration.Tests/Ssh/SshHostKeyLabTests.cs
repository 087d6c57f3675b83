using System.Diagnostics;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>Host key checking against real sshd host keys. Needs `sudo lab/lab up`.</summary>
[Trait("Category", "Integration")]
public sealed class SshHostKeyLabTests : IDisposable
{
    /// <summary>An ed25519 key that no lab node has.</summary>
    private const string ForeignKey = "AAAAC3NzaC1lZDI1NTE5AAAAIL1q20KTGf8c2dYr8tqKoDAEtgePEp+fFqCQBwY67NII";
    private const string ForeignFingerprint = "SHA256:el/U+SiOQ5wVdU4sGP2GyiqOPTO0x3UmvJ1ccYC2Ayg";

    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string dir = Path.Combine(Path.GetTempPath(), "halb-hostkey-tests-" + Guid.NewGuid().ToString("N"));

    public SshHostKeyLabTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string LabFingerprint(string node) => Assert.Single(LabKnownHosts.FingerprintsFor(LabFacts.Node(node).Address, LabFacts.KnownHosts));

    private static SshSettings WithKnownHosts(string path, HostKeyPolicy policy = HostKeyPolicy.Strict) =>
        LabSshNodes.Root with { KnownHostsPath = path, HostKeyPolicy = policy };

    [Fact]
    public async Task An_empty_known_hosts_refuses_the_node_as_an_unknown_host_under_the_strict_policy()
    {
        var path = Path.Combine(dir, "known_hosts");
        await File.WriteAllTextAsync(path, "");

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb1", WithKnownHosts(path)), None));

        Assert.StartsWith("lb1: unknown host key for 10.211.0.11: ssh-ed25519 " + LabFingerprint("lb1"), fault.Message);
    }

    [Fact]
    public async Task A_wrong_key_in_known_hosts_is_refused_as_changed_showing_both_fingerprints_and_the_fix()
    {
        var path = Path.Combine(dir, "known_hosts");
        await File.WriteAllTextAsync(path, $"10.211.0.12 ssh-ed25519 {ForeignKey}\n");
        var stopwatch = Stopwatch.StartNew();

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            LabSshNodes.Connector(new SshConnectorOptions { AcceptNewHostKeys = true }).ConnectAsync(LabSshNodes.Node("lb2", WithKnownHosts(path)), None));

        Assert.StartsWith("lb2: changed host key for 10.211.0.12 (ssh-ed25519)", fault.Message);
        Assert.Contains($"expected {ForeignFingerprint} ({path}:1)", fault.Message);
        Assert.Contains($"presented {LabFingerprint("lb2")}", fault.Message);
        Assert.Contains($"ssh-keygen -R 10.211.0.12 -f {path}", fault.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"a refused host key must not be retried (took {stopwatch.Elapsed})");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Accept_new_records_the_key_in_a_new_known_hosts_and_then_strict_checking_passes()
    {
        var path = Path.Combine(dir, "ssh", "known_hosts");

        await using (var first = await LabSshNodes.Connector(new SshConnectorOptions { AcceptNewHostKeys = true })
                         .ConnectAsync(LabSshNodes.Node("lb3", WithKnownHosts(path)), None))
        {
            Assert.True((await first.ReadAsync("check", "true", None)).Succeeded);
        }
        await using var second = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb3", WithKnownHosts(path)), None);

        Assert.Equal($"10.211.0.13 ssh-ed25519 {LabKnownHostsKey("10.211.0.13")}\n", await File.ReadAllTextAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.True((await second.ReadAsync("check", "true", None)).Succeeded);
    }

    [Fact]
    public async Task The_inventory_policy_accept_new_records_the_key_too()
    {
        var path = Path.Combine(dir, "known_hosts");

        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb1", WithKnownHosts(path, HostKeyPolicy.AcceptNew)), None);

        Assert.Contains(LabKnownHostsKey("10.211.0.11"), await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_known_hosts_hashed_by_ssh_keygen_is_understood()
    {
        var path = Path.Combine(dir, "known_hosts");
        File.Copy(LabFacts.KnownHosts, path);
        using (var hash = Process.Start("ssh-keygen", ["-q", "-H", "-f", path]))
        {
            Assert.True(hash.WaitForExit(10_000));
        }
        Assert.StartsWith("|1|", await File.ReadAllTextAsync(path));

        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb2", WithKnownHosts(path)), None);

        Assert.True((await session.ReadAsync("check", "true", None)).Succeeded);
    }

    [Fact]
    public async Task A_pinned_fingerprint_that_matches_is_enough_without_known_hosts()
    {
        var settings = WithKnownHosts(Path.Combine(dir, "missing")) with { HostKeyFingerprint = LabFingerprint("lb3") };

        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb3", settings), None);

        Assert.True((await session.ReadAsync("check", "true", None)).Succeeded);
    }

    [Fact]
    public async Task A_pinned_fingerprint_that_does_not_match_is_refused_with_both_fingerprints()
    {
        var settings = LabSshNodes.Root with { HostKeyFingerprint = ForeignFingerprint };

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb1", settings), None));

        Assert.Contains($"expected {ForeignFingerprint} (host_key_fingerprint), presented {LabFingerprint("lb1")}", fault.Message);
    }

    [Fact]
    public async Task A_known_hosts_that_is_a_symbolic_link_is_refused_before_connecting_with_the_fix()
    {
        var link = Path.Combine(dir, "known_hosts");
        File.CreateSymbolicLink(link, LabFacts.KnownHosts);

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb2", WithKnownHosts(link)), None));

        Assert.StartsWith($"lb2: known_hosts {link} is a symbolic link to {LabFacts.KnownHosts}", fault.Message);
        Assert.Contains($"`cp --remove-destination {LabFacts.KnownHosts} {link}`", fault.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_known_hosts_others_can_write_is_refused_before_connecting_and_gains_no_line_under_accept_new()
    {
        var path = Path.Combine(dir, "known_hosts");
        File.Copy(LabFacts.KnownHosts, path);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("666", 8));
        var before = await File.ReadAllTextAsync(path);

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            LabSshNodes.Connector(new SshConnectorOptions { AcceptNewHostKeys = true }).ConnectAsync(LabSshNodes.Node("lb3", WithKnownHosts(path)), None));

        Assert.StartsWith($"lb3: known_hosts {path} is writable by its group and by others (mode 0666)", fault.Message);
        Assert.Contains($"`chmod go-w {path}`", fault.Message);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Two_runs_accepting_new_keys_into_one_known_hosts_at_once_record_each_node_exactly_once()
    {
        var path = Path.Combine(dir, "known_hosts");

        async Task RunAsync()
        {
            var connector = LabSshNodes.Connector(new SshConnectorOptions { AcceptNewHostKeys = true });
            var sessions = await Task.WhenAll(LabFacts.Nodes.Select(n => connector.ConnectAsync(LabSshNodes.Node(n.Name, WithKnownHosts(path)), None)));
            foreach (var session in sessions) await session.DisposeAsync();
        }
        await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        var expected = LabFacts.Nodes.Select(n => $"{n.Address} ssh-ed25519 {LabKnownHostsKey(n.Address)}").Order();
        Assert.Equal(expected, (await File.ReadAllLinesAsync(path)).Order());
    }

    private static string LabKnownHostsKey(string address) =>
        File.ReadAllLines(LabFacts.KnownHosts).Select(l => l.Split(' ')).Single(f => f[0] == address)[2];
}
