using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

public sealed class HostKeyVerifierTests
{
    private const string Path = "/home/op/.ssh/known_hosts";
    private static readonly PresentedHostKey KeyA = new(TestKeys.Blob(TestKeys.Ed25519A));

    private static HostKeyDecision Decide(string knownHosts, PresentedHostKey? presented = null, bool acceptNew = false,
        string? pinned = null, int port = 22) =>
        HostKeyVerifier.Decide(new HostKeyCheck("10.0.0.5", port, presented ?? KeyA, KnownHostsFile.Parse(knownHosts, Path), acceptNew, pinned));

    [Fact]
    public void The_same_key_in_known_hosts_is_trusted()
    {
        var decision = Decide($"# x\n10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}");

        Assert.Equal(HostKeyVerdict.TrustedKnown, decision.Verdict);
        Assert.True(decision.IsTrusted);
        Assert.False(decision.ShouldRecord);
        Assert.Contains($"{Path}:2", decision.Message);
    }

    [Fact]
    public void The_same_key_under_a_hashed_name_is_trusted()
    {
        var decision = Decide(TestKeys.HashedLineFor10005);

        Assert.Equal(HostKeyVerdict.TrustedKnown, decision.Verdict);
    }

    [Fact]
    public void A_different_key_of_the_same_type_is_a_changed_key_and_refused_even_with_accept_new()
    {
        var decision = Decide($"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519B}", acceptNew: true);

        Assert.Equal(HostKeyVerdict.RefusedChanged, decision.Verdict);
        Assert.False(decision.IsTrusted);
        Assert.Equal(TestKeys.Ed25519BFingerprint, decision.ExpectedFingerprint);
        Assert.StartsWith("changed host key for 10.0.0.5", decision.Message);
        Assert.Contains($"expected {TestKeys.Ed25519BFingerprint} ({Path}:1)", decision.Message);
        Assert.Contains($"presented {TestKeys.Ed25519AFingerprint}", decision.Message);
        Assert.Contains($"ssh-keygen -R 10.0.0.5 -f {Path}", decision.Message);
    }

    [Fact]
    public void The_fix_for_a_changed_key_on_another_port_quotes_the_bracketed_name()
    {
        var decision = Decide($"[10.0.0.5]:2222 ssh-ed25519 {TestKeys.Ed25519B}", port: 2222);

        Assert.Equal(HostKeyVerdict.RefusedChanged, decision.Verdict);
        Assert.Contains($"ssh-keygen -R '[10.0.0.5]:2222' -f {Path}", decision.Message);
    }

    [Fact]
    public void An_unknown_host_is_refused_under_the_strict_policy_with_its_fingerprint_and_the_ways_out()
    {
        var decision = Decide($"10.0.0.6 ssh-ed25519 {TestKeys.Ed25519A}");

        Assert.Equal(HostKeyVerdict.RefusedUnknown, decision.Verdict);
        Assert.StartsWith("unknown host key for 10.0.0.5", decision.Message);
        Assert.Contains(TestKeys.Ed25519AFingerprint, decision.Message);
        Assert.Contains("--accept-new-host-keys", decision.Message);
        Assert.Contains("host_key_fingerprint", decision.Message);
        Assert.Contains("ssh_host_ed25519_key.pub", decision.Message);
    }

    [Fact]
    public void An_unknown_host_is_trusted_and_to_be_recorded_under_accept_new()
    {
        var decision = Decide("", acceptNew: true);

        Assert.Equal(HostKeyVerdict.TrustedNew, decision.Verdict);
        Assert.True(decision.IsTrusted);
        Assert.True(decision.ShouldRecord);
    }

    [Fact]
    public void A_host_known_only_with_another_key_type_is_unknown_for_this_type_and_says_so()
    {
        var decision = Decide($"10.0.0.5 ssh-rsa {TestKeys.Rsa}");

        Assert.Equal(HostKeyVerdict.RefusedUnknown, decision.Verdict);
        Assert.Contains("known_hosts has only ssh-rsa keys for it", decision.Message);
    }

    [Fact]
    public void A_matching_pinned_fingerprint_is_trusted_whatever_known_hosts_says()
    {
        var decision = Decide($"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519B}", pinned: TestKeys.Ed25519AFingerprint);

        Assert.Equal(HostKeyVerdict.TrustedPinned, decision.Verdict);
    }

    [Fact]
    public void A_pinned_fingerprint_that_does_not_match_is_refused_with_both_fingerprints_even_if_known_hosts_agrees()
    {
        var decision = Decide($"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}", acceptNew: true, pinned: TestKeys.Ed25519BFingerprint);

        Assert.Equal(HostKeyVerdict.RefusedPinnedMismatch, decision.Verdict);
        Assert.Contains($"expected {TestKeys.Ed25519BFingerprint}", decision.Message);
        Assert.Contains($"presented {TestKeys.Ed25519AFingerprint}", decision.Message);
    }

    [Fact]
    public void A_revoked_key_is_refused_even_when_pinned_and_with_accept_new()
    {
        var decision = Decide($"@revoked * ssh-ed25519 {TestKeys.Ed25519A}\n10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}",
            acceptNew: true, pinned: TestKeys.Ed25519AFingerprint);

        Assert.Equal(HostKeyVerdict.RefusedRevoked, decision.Verdict);
        Assert.Contains("@revoked", decision.Message);
    }

    [Fact]
    public void An_rsa_key_is_matched_by_its_key_type_not_by_the_signature_algorithm()
    {
        var rsa = new PresentedHostKey(TestKeys.Blob(TestKeys.Rsa));

        var decision = Decide($"10.0.0.5 ssh-rsa {TestKeys.Rsa}", rsa);

        Assert.Equal("ssh-rsa", rsa.KeyType);
        Assert.Equal(HostKeyVerdict.TrustedKnown, decision.Verdict);
    }
}
