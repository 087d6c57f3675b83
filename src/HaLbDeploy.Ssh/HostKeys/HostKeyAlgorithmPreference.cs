namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Orders the host key algorithms a client offers so that the server picks a key type known_hosts already holds for
/// it (as OpenSSH does); certificate algorithms are dropped because host certificates are not supported.
/// </summary>
public static class HostKeyAlgorithmPreference
{
    private const string CertificateSuffix = "-cert-v01@openssh.com";

    public static IReadOnlyList<string> Order(IEnumerable<string> offered, IReadOnlyCollection<string> knownKeyTypes)
    {
        var plain = offered.Where(a => !a.EndsWith(CertificateSuffix, StringComparison.Ordinal)).ToList();
        return plain.Where(a => knownKeyTypes.Contains(KeyTypeOf(a)))
            .Concat(plain.Where(a => !knownKeyTypes.Contains(KeyTypeOf(a))))
            .ToList();
    }

    /// <summary>The key type an algorithm signs with: rsa-sha2-256 and rsa-sha2-512 use "ssh-rsa" keys.</summary>
    public static string KeyTypeOf(string algorithm) => algorithm is "rsa-sha2-256" or "rsa-sha2-512" ? "ssh-rsa" : algorithm;
}
