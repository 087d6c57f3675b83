using System.Diagnostics;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// OpenSSH certificates on real sshd. The test makes its own CAs, sets TrustedUserCAKeys or HostCertificate on
/// every node in a drop-in under /etc/ssh/sshd_config.d over root SSH, reloads sshd, and takes it all away again.
/// Needs `sudo lab/lab up`.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SshCertificateLabTests : IDisposable
{
    private const string DropIn = "/etc/ssh/sshd_config.d/halb-test-certificates.conf";
    /// <summary>Takes the drop-in, the CA and the certificate away and fails unless sshd's own view has none left.</summary>
    private const string Undo = $"rm -f {DropIn} /etc/ssh/halb-test-user-ca.pub /etc/ssh/ssh_host_ed25519_key-cert.pub; systemctl reload ssh && " +
                                "! sshd -T | grep -Ei '^(hostcertificate|trustedusercakeys) /etc/ssh/(ssh_host_ed25519_key-cert|halb-test)'";
    private readonly string dir = Directory.CreateTempSubdirectory("halb-cert-").FullName;
    private readonly AgentEnvironment noAgent = new(null);

    public SshCertificateLabTests() => LabFacts.RequireLabUp();

    public void Dispose()
    {
        LabNodeShell.RunOnAllAsync(Undo).GetAwaiter().GetResult();
        noAgent.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task A_user_certificate_signed_by_a_CA_the_nodes_trust_logs_in_with_a_key_no_node_authorises()
    {
        var ca = NewKey("user-ca");
        var key = NewKey("operator");
        await LabNodeShell.RunOnAllAsync(
            $"echo '{File.ReadAllText(ca + ".pub").Trim()}' > /etc/ssh/halb-test-user-ca.pub && " +
            $"echo 'TrustedUserCAKeys /etc/ssh/halb-test-user-ca.pub' > {DropIn} && sshd -t && systemctl reload ssh && " +
            "sshd -T | grep -q '^trustedusercakeys /etc/ssh/halb-test-user-ca.pub'");
        using var inventory = LabInventory.With(("  private_key: /var/lib/halb-lab/id_ed25519\n", $"  private_key: {key}\n"));

        var withoutCertificate = await LabCli.RunAsync("plan", "-i", inventory.Path);
        Tool("ssh-keygen", "-q", "-s", ca, "-I", "halb-operator", "-n", "root", "-V", "-5m:+1h", key + ".pub");
        var withCertificate = await LabCli.RunAsync("plan", "-i", inventory.Path);

        Assert.True(withoutCertificate.ExitCode == 1, withoutCertificate.ToString());
        Assert.Contains("login as root failed", withoutCertificate.All);
        Assert.True(withCertificate.ExitCode is 0 or 3, withCertificate.ToString());
        Assert.DoesNotContain("login as root failed", withCertificate.All);
    }

    [Fact]
    public async Task A_host_certificate_is_checked_through_cert_authority_in_a_known_hosts_without_plain_keys()
    {
        var ca = NewKey("host-ca");
        var stranger = NewKey("stranger-ca");
        foreach (var node in LabFacts.Nodes) await CertifyHostKeyAsync(node, ca);
        var trusting = WriteKnownHosts("trusting", $"@cert-authority 10.211.0.* {File.ReadAllText(ca + ".pub").Trim()}\n");
        var other = WriteKnownHosts("other", $"@cert-authority 10.211.0.* {File.ReadAllText(stranger + ".pub").Trim()}\n");

        using var trusted = LabInventory.With(("  known_hosts: /var/lib/halb-lab/known_hosts\n", $"  known_hosts: {trusting}\n"));
        var plan = await LabCli.RunAsync("plan", "-i", trusted.Path);
        using var refused = LabInventory.With(("  known_hosts: /var/lib/halb-lab/known_hosts\n", $"  known_hosts: {other}\n"));
        var refusedPlan = await LabCli.RunAsync("plan", "-i", refused.Path);

        Assert.True(plan.ExitCode is 0 or 3, plan.ToString());
        Assert.True(refusedPlan.ExitCode == 1, refusedPlan.ToString());
        Assert.Contains($"is signed by CA {Fingerprint(ca)}, but {other} trusts only CA {Fingerprint(stranger)}", refusedPlan.All);
        Assert.Equal("", File.ReadAllText(trusting).Replace($"@cert-authority 10.211.0.* {File.ReadAllText(ca + ".pub").Trim()}\n", "", StringComparison.Ordinal));
    }

    /// <summary>Signs the node's ed25519 host key with the CA for its address and makes sshd present the certificate.</summary>
    private async Task CertifyHostKeyAsync(LabHost node, string ca)
    {
        var hostKey = Path.Combine(dir, $"{node.Name}_host_ed25519_key.pub");
        File.WriteAllText(hostKey, await LabNodeShell.RunAsync(node.Name, "cat /etc/ssh/ssh_host_ed25519_key.pub"));
        Tool("ssh-keygen", "-q", "-s", ca, "-I", $"{node.Name}-host", "-h", "-n", node.Address, "-V", "-5m:+1h", hostKey);
        var certificate = File.ReadAllText(hostKey.Replace(".pub", "-cert.pub", StringComparison.Ordinal)).Trim();
        await LabNodeShell.RunAsync(node.Name,
            $"echo '{certificate}' > /etc/ssh/ssh_host_ed25519_key-cert.pub && " +
            $"echo 'HostCertificate /etc/ssh/ssh_host_ed25519_key-cert.pub' > {DropIn} && sshd -t && systemctl reload ssh");
        await UntilSshdPresentsTheCertificateAsync(node);
    }

    /// <summary>
    /// `systemctl reload ssh` returns once sshd got its SIGHUP, before the re-executed daemon serves the new
    /// configuration: a fresh-clone CI saw plan connect to lb2 in between and get the plain key. So wait, at most
    /// 10 s, until ssh-keyscan is offered the certificate.
    /// </summary>
    private static async Task UntilSshdPresentsTheCertificateAsync(LabHost node)
    {
        var clock = Stopwatch.StartNew();
        var offered = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var scan = new ProcessStartInfo("ssh-keyscan") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-c", "-t", "ed25519", "-T", "2", node.Address }) scan.ArgumentList.Add(argument);
            using var process = Process.Start(scan)!;
            offered = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (offered.Contains("ssh-ed25519-cert-v01@openssh.com", StringComparison.Ordinal)) return;
            await Task.Delay(100);
        }
        Assert.Fail($"{node.Name}: sshd did not offer its host certificate within 10 s of the reload: '{offered.Trim()}'");
    }

    private string WriteKnownHosts(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private string NewKey(string name)
    {
        var path = Path.Combine(dir, name);
        Tool("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path);
        return path;
    }

    private static string Fingerprint(string key) => Tool("ssh-keygen", "-lf", key + ".pub").Split(' ')[1];

    private static string Tool(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), $"{fileName} did not finish in 30 s");
        Assert.True(process.ExitCode == 0, $"{fileName} exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
