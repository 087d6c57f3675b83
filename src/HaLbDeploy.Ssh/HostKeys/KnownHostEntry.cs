namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>One usable line of a known_hosts file.</summary>
/// <param name="LineNumber">1-based, for messages that point at the line.</param>
/// <param name="HostField">Comma-separated host patterns, or one hashed name "|1|salt|hash".</param>
public sealed record KnownHostEntry(int LineNumber, KnownHostMarker Marker, string HostField, string KeyType, byte[] KeyBlob)
{
    public string Fingerprint { get; } = SshKeyFingerprint.Sha256(KeyBlob);

    public bool IsHashed => KnownHostName.IsHashed(HostField);

    public bool Names(string host, int port) => KnownHostName.Matches(HostField, host, port);
}
