namespace HaLbDeploy.Core.Ports;

/// <summary>
/// What reading a local file gave: its bytes, or that it is missing, too large (with its length), not a regular file
/// (with what it is, e.g. "a FIFO (named pipe)") or unreadable (with the reason).
/// </summary>
public sealed record LocalFileRead(LocalFileReadStatus Status, byte[] Bytes, long Length = 0, string Reason = "")
{
    public static LocalFileRead Read(byte[] bytes) => new(LocalFileReadStatus.Read, bytes, bytes.Length);

    public static LocalFileRead Missing() => new(LocalFileReadStatus.Missing, []);

    public static LocalFileRead TooLarge(long length) => new(LocalFileReadStatus.TooLarge, [], length);

    public static LocalFileRead Unreadable(string reason) => new(LocalFileReadStatus.Unreadable, [], 0, reason);

    /// <param name="kind">What the path is instead, as a noun phrase: "a FIFO (named pipe)", "a character device".</param>
    public static LocalFileRead NotARegularFile(string kind) => new(LocalFileReadStatus.NotARegularFile, [], 0, kind);
}
