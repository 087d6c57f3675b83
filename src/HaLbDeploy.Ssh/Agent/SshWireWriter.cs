using System.Buffers.Binary;
using System.Text;

namespace HaLbDeploy.Ssh.Agent;

/// <summary>Writes the SSH wire types (RFC 4251 §5) the agent protocol uses: byte, uint32, string.</summary>
public sealed class SshWireWriter
{
    private readonly MemoryStream buffer = new();

    public SshWireWriter Byte(byte value)
    {
        buffer.WriteByte(value);
        return this;
    }

    public SshWireWriter UInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        buffer.Write(bytes);
        return this;
    }

    public SshWireWriter String(ReadOnlySpan<byte> value)
    {
        UInt32((uint)value.Length);
        buffer.Write(value);
        return this;
    }

    public SshWireWriter String(string value) => String(Encoding.UTF8.GetBytes(value));

    public byte[] ToArray() => buffer.ToArray();
}
