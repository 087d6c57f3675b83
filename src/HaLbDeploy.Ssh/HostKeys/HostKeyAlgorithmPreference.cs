namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Orders the host key algorithms a client offers so that the server picks a key type known_hosts already holds for
/// it (as OpenSSH does). Host certificate algorithms are offered, first, only when a @cert-authority line names the
/// host: otherwise a certificate could not be checked against anything.
/// </summary>
public static class HostKeyAlgorithmPreference
{
    private const string CertificateSuffix = "-cert-v01@openssh.com";

    public static IReadOnlyList<string> Order(IEnumerable<string> offered, IReadOnlyCollection<string> knownKeyTypes, bool certificateAuthorityKnown = false)
    {
        var all = offered.ToList();
        var certificates = certificateAuthorityKnown ? all.Where(IsCertificate).ToList() : [];
        var plain = all.Where(a => !IsCertificate(a)).ToList();
        return certificates
            .Concat(plain.Where(a => knownKeyTypes.Contains(KeyTypeOf(a))))
            .Concat(plain.Where(a => !knownKeyTypes.Contains(KeyTypeOf(a))))
            .ToList();
    }

    public static bool IsCertificate(string algorithm) => algorithm.EndsWith(CertificateSuffix, StringComparison.Ordinal);

    /// <summary>The key type an algorithm signs with: rsa-sha2-256 and rsa-sha2-512 use "ssh-rsa" keys.</summary>
    public static string KeyTypeOf(string algorithm) => algorithm is "rsa-sha2-256" or "rsa-sha2-512" ? "ssh-rsa" : algorithm;
}
