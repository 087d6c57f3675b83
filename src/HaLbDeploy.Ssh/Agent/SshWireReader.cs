using System.Buffers.Binary;
using System.Text;

namespace HaLbDeploy.Ssh.Agent;

/// <summary>
/// Reads the SSH wire types from a message that came from outside (the agent): every length is checked against what
/// is left, so a short or lying message is an <see cref="SshAgentProtocolException"/>, never an overrun.
/// </summary>
public sealed class SshWireReader(byte[] message)
{
    private int offset;

    public bool AtEnd => offset == message.Length;

    public byte Byte()
    {
        Need(1, "a byte");
        return message[offset++];
    }

    public uint UInt32()
    {
        Need(4, "a uint32");
        var value = BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(offset));
        offset += 4;
        return value;
    }

    public byte[] String()
    {
        var length = UInt32();
        if (length > message.Length - offset)
            throw new SshAgentProtocolException($"a string of {length} bytes, but only {message.Length - offset} left in the message");
        var value = message.AsSpan(offset, (int)length).ToArray();
        offset += (int)length;
        return value;
    }

    public string Text() => Encoding.UTF8.GetString(String());

    private void Need(int count, string what)
    {
        if (message.Length - offset < count) throw new SshAgentProtocolException($"the message ended where {what} was expected");
    }
}
