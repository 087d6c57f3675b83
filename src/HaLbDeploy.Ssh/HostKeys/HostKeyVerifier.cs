using HaLbDeploy.Core.Shell;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Decides whether to trust a presented host key, the way OpenSSH does with StrictHostKeyChecking yes/accept-new:
/// a revoked key is refused; a pinned fingerprint must match; otherwise the same key in known_hosts is trusted, a
/// different key of the same type is a changed key (always refused), and a host without a key of that type is
/// unknown (refused unless accept-new). A host certificate is checked against the @cert-authority lines
/// (<see cref="HostCertificateVerifier"/>). Pure: reads and writes nothing.
/// </summary>
public static class HostKeyVerifier
{
    public static HostKeyDecision Decide(HostKeyCheck check)
    {
        var presented = check.Presented;
        var name = KnownHostName.Format(check.Host, check.Port);
        var path = check.KnownHosts.Path;
        var entries = check.KnownHosts.EntriesFor(check.Host, check.Port);

        var revoked = entries.FirstOrDefault(e => e.Marker == KnownHostMarker.Revoked && presented.HasSameKeyAs(e));
        if (revoked is not null)
        {
            return Refuse(HostKeyVerdict.RefusedRevoked, presented,
                $"host key {presented} of {name} is marked @revoked in {path}:{revoked.LineNumber}; refusing to connect");
        }

        if (check.PinnedFingerprint is { } pinned)
        {
            return SshKeyFingerprint.AreEqual(pinned, presented.Fingerprint)
                ? new HostKeyDecision(HostKeyVerdict.TrustedPinned, $"host key {presented} matches {check.PinnedOrigin}", presented.Fingerprint)
                : Refuse(HostKeyVerdict.RefusedPinnedMismatch, presented,
                    $"host key mismatch for {name}: expected {pinned} ({check.PinnedOrigin}), presented {presented.Fingerprint} ({presented.KeyType}). " +
                    $"Someone may be intercepting the connection. If the node's key was changed on purpose, update {check.PinnedOrigin} " +
                    $"(on the node: ssh-keygen -lf /etc/ssh/ssh_host_{ShortKeyName(presented.KeyType)}_key.pub)",
                    pinned);
        }

        if (presented.IsCertificate) return HostCertificateVerifier.Decide(check, entries, name);

        var trusted = entries.Where(e => e.Marker == KnownHostMarker.None).ToList();
        var same = trusted.FirstOrDefault(presented.HasSameKeyAs);
        if (same is not null)
            return new HostKeyDecision(HostKeyVerdict.TrustedKnown, $"host key {presented} matches {path}:{same.LineNumber}", presented.Fingerprint);

        var sameType = trusted.Where(e => e.KeyType == presented.KeyType).ToList();
        if (sameType.Count > 0)
        {
            var expected = sameType[0];
            var more = sameType.Count > 1 ? $" (and {sameType.Count - 1} more {presented.KeyType} line(s))" : "";
            return Refuse(HostKeyVerdict.RefusedChanged, presented,
                $"changed host key for {name} ({presented.KeyType}): expected {expected.Fingerprint} ({path}:{expected.LineNumber}{more}), " +
                $"presented {presented.Fingerprint}. Someone may be intercepting the connection, or the node was reinstalled. " +
                $"If the change is expected, remove the old key with `ssh-keygen -R {ShellQuote.ForDisplay(name)} -f {ShellQuote.ForDisplay(path)}` " +
                "and connect again with --accept-new-host-keys",
                expected.Fingerprint);
        }

        var otherTypes = trusted.Select(e => e.KeyType).Distinct().ToList();
        var otherNote = otherTypes.Count > 0 ? $" (known_hosts has only {string.Join(", ", otherTypes)} keys for it)" : "";
        if (check.AcceptNew)
        {
            return new HostKeyDecision(HostKeyVerdict.TrustedNew,
                $"new host key {presented} for {name} accepted (accept-new) and recorded in {path}{otherNote}", presented.Fingerprint);
        }
        return Refuse(HostKeyVerdict.RefusedUnknown, presented,
            $"unknown host key for {name}: {presented.KeyType} {presented.Fingerprint} is not in {path}{otherNote}. " +
            $"Compare it with `ssh-keygen -lf /etc/ssh/ssh_host_{ShortKeyName(presented.KeyType)}_key.pub` on the node, then pin it with " +
            "host_key_fingerprint, or run once with --accept-new-host-keys (or host_key_policy: accept-new) to record it");
    }

    private static HostKeyDecision Refuse(HostKeyVerdict verdict, PresentedHostKey presented, string message, string? expected = null) =>
        new(verdict, message, presented.Fingerprint, expected);

    private static string ShortKeyName(string keyType) => keyType switch
    {
        "ssh-ed25519" => "ed25519",
        "ssh-rsa" => "rsa",
        _ when keyType.StartsWith("ecdsa-", StringComparison.Ordinal) => "ecdsa",
        _ => "*",
    };
}
