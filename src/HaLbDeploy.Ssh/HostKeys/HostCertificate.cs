using System.Buffers.Binary;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Security;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// An OpenSSH certificate (PROTOCOL.certkeys) a server presented as its host key, read with SSH.NET's
/// <see cref="Certificate"/>, and whether its CA's signature over it holds. The certified key signing the key
/// exchange is SSH.NET's to check; the CA signature, the type, the validity window and the principals are ours.
/// </summary>
public sealed class HostCertificate
{
    /// <summary>SSH.NET's public key algorithms by name, to verify a CA signature with the CA's public key.</summary>
    private static readonly IDictionary<string, Func<byte[], KeyHostAlgorithm>> Algorithms =
        new ConnectionInfo("localhost", "user", new NoneAuthenticationMethod("user")).HostKeyAlgorithms;

    private HostCertificate(Certificate certificate, bool signatureValid)
    {
        IsHostCertificate = certificate.Type == Certificate.CertificateType.Host;
        KeyId = certificate.KeyId;
        Principals = certificate.ValidPrincipals.ToList();
        ValidAfterUnixSeconds = certificate.ValidAfterUnixSeconds;
        ValidBeforeUnixSeconds = certificate.ValidBeforeUnixSeconds;
        AuthorityKey = certificate.CertificateAuthorityKey;
        AuthorityFingerprint = SshKeyFingerprint.Sha256(AuthorityKey);
        SignatureValid = signatureValid;
    }

    public bool IsHostCertificate { get; }

    public string KeyId { get; }

    /// <summary>The host names the certificate is valid for; none means every host, as OpenSSH reads it.</summary>
    public IReadOnlyList<string> Principals { get; }

    public ulong ValidAfterUnixSeconds { get; }

    public ulong ValidBeforeUnixSeconds { get; }

    public byte[] AuthorityKey { get; }

    public string AuthorityFingerprint { get; }

    public bool SignatureValid { get; }

    public bool IsValidAt(DateTimeOffset now)
    {
        var seconds = (ulong)Math.Max(0, now.ToUnixTimeSeconds());
        return ValidAfterUnixSeconds <= seconds && seconds < ValidBeforeUnixSeconds;
    }

    public bool IsFor(string host) => Principals.Count == 0 || Principals.Contains(host, StringComparer.OrdinalIgnoreCase);

    /// <summary>The certificate in <paramref name="blob"/>, or null (with why) when SSH.NET cannot read it.</summary>
    public static HostCertificate? TryRead(byte[] blob, out string? problem)
    {
        problem = null;
        Certificate certificate;
        try
        {
            certificate = new Certificate(blob);
        }
        catch (Exception e) when (e is SshException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException)
        {
            problem = $"the certificate cannot be read: {e.Message}";
            return null;
        }
        return new HostCertificate(certificate, VerifySignature(blob, certificate));
    }

    /// <summary>The CA signs everything before the signature, the last field of the blob.</summary>
    private static bool VerifySignature(byte[] blob, Certificate certificate)
    {
        var signature = certificate.Signature;
        if (signature.Length < 4 || blob.Length < signature.Length + 4) return false;
        var signed = blob.AsSpan(0, blob.Length - signature.Length - 4).ToArray();
        var formatLength = BinaryPrimitives.ReadUInt32BigEndian(signature);
        if (formatLength > signature.Length - 4) return false;
        var format = Encoding.ASCII.GetString(signature, 4, (int)formatLength);
        if (!Algorithms.TryGetValue(format, out var algorithm) || HostKeyAlgorithmPreference.IsCertificate(format)) return false;
        try
        {
            return algorithm(certificate.CertificateAuthorityKey).VerifySignature(signed, signature);
        }
        catch (Exception e) when (e is SshException or ArgumentException or InvalidOperationException or NotSupportedException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
