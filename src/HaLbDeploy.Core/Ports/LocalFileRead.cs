namespace HaLbDeploy.Core.Ports;

/// <summary>What reading a local file gave: its bytes, or that it is missing, too large (with its length) or unreadable (with the reason).</summary>
public sealed record LocalFileRead(LocalFileReadStatus Status, byte[] Bytes, long Length = 0, string Reason = "")
{
    public static LocalFileRead Read(byte[] bytes) => new(LocalFileReadStatus.Read, bytes, bytes.Length);

    public static LocalFileRead Missing() => new(LocalFileReadStatus.Missing, []);

    public static LocalFileRead TooLarge(long length) => new(LocalFileReadStatus.TooLarge, [], length);

    public static LocalFileRead Unreadable(string reason) => new(LocalFileReadStatus.Unreadable, [], 0, reason);
}
