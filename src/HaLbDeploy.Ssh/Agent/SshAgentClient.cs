namespace HaLbDeploy.Ssh.Agent;

/// <summary>Asks an SSH agent for its keys and for signatures; the private keys never leave the agent.</summary>
public sealed class SshAgentClient(ISshAgentTransport transport)
{
    public IReadOnlyList<SshAgentIdentity> ListIdentities() =>
        SshAgentProtocol.DecodeIdentitiesAnswer(transport.RoundTrip(SshAgentProtocol.EncodeRequestIdentities()));

    /// <summary>The signature blob for <paramref name="data"/>; it must be in the format that was asked for.</summary>
    public byte[] Sign(SshAgentIdentity identity, byte[] data, string algorithm)
    {
        var flags = FlagsFor(algorithm);
        var signature = SshAgentProtocol.DecodeSignResponse(transport.RoundTrip(SshAgentProtocol.EncodeSignRequest(identity.KeyBlob, data, flags)));
        var format = SshAgentProtocol.SignatureFormat(signature);
        if (format != algorithm)
            throw new SshAgentProtocolException($"the agent signed with {format} where {algorithm} was asked for (an agent too old for rsa-sha2?)");
        return signature;
    }

    public static SshAgentSignFlags FlagsFor(string algorithm) => algorithm switch
    {
        "rsa-sha2-256" => SshAgentSignFlags.RsaSha2256,
        "rsa-sha2-512" => SshAgentSignFlags.RsaSha2512,
        _ => SshAgentSignFlags.None,
    };

    /// <summary>
    /// The public key algorithms a key of this type can sign with, best first: RSA keys sign with rsa-sha2-512 and
    /// rsa-sha2-256 (never SHA-1 ssh-rsa), the others with their own name. Unknown types get none.
    /// </summary>
    public static IReadOnlyList<string> AlgorithmsFor(string keyType) => keyType switch
    {
        "ssh-rsa" => ["rsa-sha2-512", "rsa-sha2-256"],
        "ssh-ed25519" or "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521" => [keyType],
        _ => [],
    };
}
