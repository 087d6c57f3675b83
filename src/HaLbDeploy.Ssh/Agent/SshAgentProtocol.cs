namespace HaLbDeploy.Ssh.Agent;

/// <summary>
/// The messages of the OpenSSH agent protocol halb-deploy uses (draft-miller-ssh-agent): list the identities and
/// sign. Pure: bytes in, bytes out. A message on the socket is a uint32 length and that many bytes; the length
/// prefix is the transport's (<see cref="UnixSocketAgentTransport"/>), these are the bodies.
/// </summary>
public static class SshAgentProtocol
{
    public const byte Failure = 5;
    public const byte RequestIdentities = 11;
    public const byte IdentitiesAnswer = 12;
    public const byte SignRequest = 13;
    public const byte SignResponse = 14;
    public const byte ExtendedFailure = 28;

    /// <summary>OpenSSH's own limit for a message (AGENT_MAX_LEN): anything longer is refused before it is read.</summary>
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>More identities than this is not an agent we understand.</summary>
    public const int MaxIdentities = 2048;

    public static byte[] EncodeRequestIdentities() => [RequestIdentities];

    public static byte[] EncodeSignRequest(ReadOnlySpan<byte> keyBlob, ReadOnlySpan<byte> data, SshAgentSignFlags flags) =>
        new SshWireWriter().Byte(SignRequest).String(keyBlob).String(data).UInt32((uint)flags).ToArray();

    public static IReadOnlyList<SshAgentIdentity> DecodeIdentitiesAnswer(byte[] message)
    {
        var reader = Expect(message, IdentitiesAnswer, "list its keys");
        var count = reader.UInt32();
        if (count > MaxIdentities) throw new SshAgentProtocolException($"the agent claims {count} keys, more than {MaxIdentities}");
        var identities = new List<SshAgentIdentity>((int)count);
        for (var i = 0; i < count; i++) identities.Add(new SshAgentIdentity(reader.String(), reader.Text()));
        EndOf(reader, "identities answer");
        return identities;
    }

    /// <summary>The signature blob (string format, string signature), as SSH puts it into a userauth request.</summary>
    public static byte[] DecodeSignResponse(byte[] message)
    {
        var reader = Expect(message, SignResponse, "sign");
        var signature = reader.String();
        EndOf(reader, "sign response");
        return signature;
    }

    /// <summary>The algorithm name a signature blob says it is, e.g. rsa-sha2-512.</summary>
    public static string SignatureFormat(byte[] signature) => new SshWireReader(signature).Text();

    private static SshWireReader Expect(byte[] message, byte type, string request)
    {
        if (message.Length == 0) throw new SshAgentProtocolException("the agent sent an empty message");
        var reader = new SshWireReader(message);
        var actual = reader.Byte();
        if (actual == type) return reader;
        if (actual is Failure or ExtendedFailure) throw new SshAgentProtocolException($"the agent refused to {request} (SSH_AGENT_FAILURE)");
        throw new SshAgentProtocolException($"the agent answered message type {actual} where {type} was expected");
    }

    private static void EndOf(SshWireReader reader, string what)
    {
        if (!reader.AtEnd) throw new SshAgentProtocolException($"the {what} has bytes after its end");
    }
}
