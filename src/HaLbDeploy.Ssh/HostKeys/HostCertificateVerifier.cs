namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Decides on a host certificate as OpenSSH does with @cert-authority lines: its CA must be one a line trusts for
/// the host (and not @revoked), the CA's signature must hold, it must be a host certificate, valid now, and name
/// the host among its principals (or name none). A certificate is never recorded under accept-new. Every refusal
/// names the CA fingerprint presented and the one expected.
/// </summary>
public static class HostCertificateVerifier
{
    public static HostKeyDecision Decide(HostKeyCheck check, IReadOnlyList<KnownHostEntry> entries, string name)
    {
        var presented = check.Presented;
        var path = check.KnownHosts.Path;
        var certificate = HostCertificate.TryRead(presented.ToArray(), out var problem);
        if (certificate is null) return Refuse(presented, $"host certificate of {name} ({presented}): {problem}");
        var authorities = entries.Where(e => e.Marker == KnownHostMarker.CertAuthority).ToList();
        var signedBy = $"signed by CA {certificate.AuthorityFingerprint}";
        if (authorities.Count == 0)
        {
            return Refuse(presented, $"{name} presented a host certificate ({presented}) {signedBy}, but no @cert-authority line in {path} names {name}. " +
                $"Add `@cert-authority {name} KEY-TYPE CA-PUBLIC-KEY` for the CA you trust, or a plain key line for the host");
        }
        var expected = authorities[0];
        var authority = authorities.FirstOrDefault(a => a.KeyBlob.AsSpan().SequenceEqual(certificate.AuthorityKey));
        if (authority is null)
        {
            return Refuse(presented, $"host certificate of {name} is {signedBy}, but {path} trusts only CA {expected.Fingerprint} for it " +
                $"(@cert-authority at line {expected.LineNumber}{(authorities.Count > 1 ? $" and {authorities.Count - 1} more" : "")}). Someone may be intercepting the connection, " +
                "or the node's certificate was signed by another CA", expected.Fingerprint);
        }
        var revoked = entries.FirstOrDefault(e => e.Marker == KnownHostMarker.Revoked && e.KeyBlob.AsSpan().SequenceEqual(certificate.AuthorityKey));
        if (revoked is not null)
            return Refuse(presented, $"the CA {certificate.AuthorityFingerprint} that signed the host certificate of {name} is marked @revoked in {path}:{revoked.LineNumber}", authority.Fingerprint);
        var at = $"(CA {authority.Fingerprint}, {path}:{authority.LineNumber})";
        if (!certificate.SignatureValid)
            return Refuse(presented, $"the CA signature on the host certificate of {name} does not verify {at}: the certificate was altered or is forged", authority.Fingerprint);
        if (!certificate.IsHostCertificate)
            return Refuse(presented, $"{name} presented a user certificate as its host key {at}; sign the host key with `ssh-keygen -h`", authority.Fingerprint);
        var now = check.Now ?? DateTimeOffset.UtcNow;
        if (!certificate.IsValidAt(now))
        {
            return Refuse(presented, $"the host certificate of {name} {at} is valid from {Time(certificate.ValidAfterUnixSeconds)} to {Time(certificate.ValidBeforeUnixSeconds)}, " +
                $"not now ({now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC); renew it on the node", authority.Fingerprint);
        }
        if (!certificate.IsFor(check.Host))
        {
            return Refuse(presented, $"the host certificate of {name} {at} is for {string.Join(", ", certificate.Principals)}, not for {check.Host}; " +
                $"sign it again with `-n {check.Host},...`", authority.Fingerprint);
        }
        return new HostKeyDecision(HostKeyVerdict.TrustedCertificate,
            $"host certificate '{certificate.KeyId}' of {name} ({presented}) is signed by the trusted CA {authority.Fingerprint} ({path}:{authority.LineNumber})", presented.Fingerprint);
    }

    private static string Time(ulong unixSeconds) => unixSeconds >= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        ? "forever"
        : DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    private static HostKeyDecision Refuse(PresentedHostKey presented, string message, string? expected = null) =>
        new(HostKeyVerdict.RefusedCertificate, message, presented.Fingerprint, expected);
}
