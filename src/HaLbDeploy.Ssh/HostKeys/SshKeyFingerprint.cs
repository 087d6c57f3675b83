using System.Security.Cryptography;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>The fingerprint OpenSSH prints (ssh-keygen -lf): "SHA256:" + unpadded base64 of the SHA-256 of the key blob.</summary>
public static class SshKeyFingerprint
{
    public const string Prefix = "SHA256:";

    public static string Sha256(ReadOnlySpan<byte> keyBlob) =>
        Prefix + Convert.ToBase64String(SHA256.HashData(keyBlob)).TrimEnd('=');

    /// <summary>Compares two SHA256 fingerprints, tolerating a missing "SHA256:" prefix and base64 padding.</summary>
    public static bool AreEqual(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string fingerprint)
    {
        var text = fingerprint.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) text = text[Prefix.Length..];
        return text.TrimEnd('=');
    }
}
