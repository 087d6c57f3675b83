namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>The public host key a server showed during key exchange.</summary>
public sealed class PresentedHostKey
{
    private readonly byte[] blob;

    public PresentedHostKey(byte[] blob)
    {
        this.blob = blob.ToArray();
        KeyType = SshPublicKeyBlob.TryReadKeyType(blob) ?? "unknown";
        Fingerprint = SshKeyFingerprint.Sha256(blob);
    }

    /// <summary>The key type from the blob, e.g. "ssh-rsa" (also when the signature algorithm was rsa-sha2-512).</summary>
    public string KeyType { get; }

    public string Fingerprint { get; }

    /// <summary>An OpenSSH host certificate (…-cert-v01@openssh.com) rather than a plain key.</summary>
    public bool IsCertificate => HostKeyAlgorithmPreference.IsCertificate(KeyType);

    public byte[] ToArray() => blob.ToArray();

    public ReadOnlySpan<byte> Blob => blob;

    public string Base64 => Convert.ToBase64String(blob);

    public bool HasSameKeyAs(KnownHostEntry entry) => entry.KeyBlob.AsSpan().SequenceEqual(blob);

    public override string ToString() => $"{KeyType} {Fingerprint}";
}
