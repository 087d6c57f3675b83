using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

/// <summary>Host certificates made with ssh-keygen -s, checked against @cert-authority lines.</summary>
public sealed class HostCertificateVerifierTests : IDisposable
{
    private const string KnownHosts = "/home/op/.ssh/known_hosts";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private string NewKey(string name)
    {
        var path = dir.File(name);
        ExternalTool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path);
        return path;
    }

    private static string PublicKey(string key) => File.ReadAllText(key + ".pub").Trim();

    private static string Fingerprint(string key) => ExternalTool.Run("ssh-keygen", "-lf", key + ".pub").Split(' ')[1];

    /// <summary>Signs a fresh host key with the CA; returns the certificate blob.</summary>
    private byte[] Certify(string ca, bool host = true, string principals = "10.0.0.5,lb1", string validity = "-5m:+1h")
    {
        var hostKey = NewKey("host-" + Guid.NewGuid().ToString("N"));
        string[] arguments = ["-q", "-s", ca, "-I", "lb1-host-key", .. host ? new[] { "-h" } : [], "-n", principals, "-V", validity, hostKey + ".pub"];
        ExternalTool.Run("ssh-keygen", arguments);
        return Convert.FromBase64String(File.ReadAllText(hostKey + "-cert.pub").Split(' ')[1]);
    }

    private static HostKeyDecision Decide(string knownHosts, byte[] certificate, string host = "10.0.0.5") =>
        HostKeyVerifier.Decide(new HostKeyCheck(host, 22, new PresentedHostKey(certificate), KnownHostsFile.Parse(knownHosts, KnownHosts), AcceptNew: true, Now: Now));

    [Fact]
    public void A_host_certificate_signed_by_a_CA_trusted_for_the_host_pattern_is_trusted_and_never_recorded()
    {
        var ca = NewKey("ca");

        var decision = Decide($"@cert-authority 10.0.0.* {PublicKey(ca)}", Certify(ca));

        Assert.Equal(HostKeyVerdict.TrustedCertificate, decision.Verdict);
        Assert.False(decision.ShouldRecord);
        Assert.Contains($"signed by the trusted CA {Fingerprint(ca)} ({KnownHosts}:1)", decision.Message);
    }

    [Fact]
    public void A_certificate_from_another_CA_is_refused_naming_both_CA_fingerprints()
    {
        var trusted = NewKey("trusted-ca");
        var other = NewKey("other-ca");

        var decision = Decide($"@cert-authority * {PublicKey(trusted)}", Certify(other));

        Assert.Equal(HostKeyVerdict.RefusedCertificate, decision.Verdict);
        Assert.Contains($"signed by CA {Fingerprint(other)}, but {KnownHosts} trusts only CA {Fingerprint(trusted)}", decision.Message);
        Assert.Equal(Fingerprint(trusted), decision.ExpectedFingerprint);
    }

    [Fact]
    public void A_certificate_with_no_cert_authority_line_for_the_host_is_refused_even_under_accept_new()
    {
        var ca = NewKey("ca");

        var decision = Decide($"@cert-authority *.example {PublicKey(ca)}", Certify(ca));

        Assert.Equal(HostKeyVerdict.RefusedCertificate, decision.Verdict);
        Assert.Contains("no @cert-authority line", decision.Message);
    }

    [Theory]
    [InlineData("20200101:20200102", "is valid from 2020-01-01")]
    [InlineData("+1d:+2d", "not now")]
    public void A_certificate_outside_its_validity_window_is_refused(string validity, string expected)
    {
        var ca = NewKey("ca");

        var decision = Decide($"@cert-authority * {PublicKey(ca)}", Certify(ca, validity: validity));

        Assert.Equal(HostKeyVerdict.RefusedCertificate, decision.Verdict);
        Assert.Contains(expected, decision.Message);
    }

    [Fact]
    public void A_certificate_for_other_principals_is_refused_naming_them()
    {
        var ca = NewKey("ca");

        var decision = Decide($"@cert-authority * {PublicKey(ca)}", Certify(ca, principals: "10.0.0.6,lb2"));

        Assert.Equal(HostKeyVerdict.RefusedCertificate, decision.Verdict);
        Assert.Contains("is for 10.0.0.6, lb2, not for 10.0.0.5", decision.Message);
    }

    [Fact]
    public void A_user_certificate_presented_as_a_host_key_is_refused()
    {
        var ca = NewKey("ca");

        var decision = Decide($"@cert-authority * {PublicKey(ca)}", Certify(ca, host: false));

        Assert.Contains("presented a user certificate as its host key", decision.Message);
    }

    [Fact]
    public void An_altered_certificate_fails_the_CA_signature()
    {
        var ca = NewKey("ca");
        var certificate = Certify(ca);
        certificate[4 + "ssh-ed25519-cert-v01@openssh.com".Length + 4 + 3] ^= 0xFF; // a byte of the nonce

        var decision = Decide($"@cert-authority * {PublicKey(ca)}", certificate);

        Assert.Equal(HostKeyVerdict.RefusedCertificate, decision.Verdict);
        Assert.Contains("does not verify", decision.Message);
    }

    [Fact]
    public void A_revoked_CA_is_refused()
    {
        var ca = NewKey("ca");

        var decision = Decide($"@cert-authority * {PublicKey(ca)}\n@revoked * {PublicKey(ca)}", Certify(ca));

        Assert.Contains("is marked @revoked", decision.Message);
    }
}
