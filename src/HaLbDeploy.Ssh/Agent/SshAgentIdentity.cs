using HaLbDeploy.Ssh.HostKeys;

namespace HaLbDeploy.Ssh.Agent;

/// <summary>One key the agent holds: its public key blob and the comment ssh-add gave it (often the file name).</summary>
public sealed record SshAgentIdentity(byte[] KeyBlob, string Comment)
{
    public string KeyType { get; } = SshPublicKeyBlob.TryReadKeyType(KeyBlob) ?? "unknown";

    public string Fingerprint { get; } = SshKeyFingerprint.Sha256(KeyBlob);

    public bool HasKey(ReadOnlySpan<byte> blob) => blob.SequenceEqual(KeyBlob);

    public override string ToString() => $"{KeyType} {Fingerprint}";
}
