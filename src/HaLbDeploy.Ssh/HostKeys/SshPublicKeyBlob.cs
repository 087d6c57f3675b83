using System.Buffers.Binary;
using System.Text;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>Reads the wire form of an SSH public key (RFC 4253 §6.6): it starts with the key type as an SSH string.</summary>
public static class SshPublicKeyBlob
{
    /// <summary>The key type named inside the blob, e.g. "ssh-ed25519", or null when the blob is malformed.</summary>
    public static string? TryReadKeyType(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4) return null;
        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (length == 0 || length > 64 || length > blob.Length - 4) return null;
        var name = blob.Slice(4, (int)length);
        foreach (var b in name)
            if (b is < 0x21 or > 0x7e) return null;
        return Encoding.ASCII.GetString(name);
    }
}
