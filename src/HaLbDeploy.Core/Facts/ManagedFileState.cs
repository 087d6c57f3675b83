namespace HaLbDeploy.Core.Facts;

/// <summary>What a file we manage looks like on the node now.</summary>
/// <param name="Path">The absolute path, as passed to <see cref="FactScript.Build"/>.</param>
/// <param name="Exists">Something (file, directory, link) exists at the path.</param>
/// <param name="IsRegularFile">A regular file, not a directory, link or device: only those get a digest.</param>
/// <param name="Sha256">Lower-case hex digest of the content, comparable with Planning.ContentDigest; null when absent,
/// not a regular file or unreadable.</param>
/// <param name="Mode">Permission bits as four octal digits, e.g. "0640".</param>
/// <param name="Owner">User name (or "UNKNOWN" when the uid has no name).</param>
/// <param name="Group">Group name (or "UNKNOWN" when the gid has no name).</param>
public sealed record ManagedFileState(
    string Path,
    bool Exists,
    bool IsRegularFile,
    string? Sha256,
    string? Mode,
    string? Owner,
    string? Group)
{
    public static ManagedFileState Absent(string path) => new(path, false, false, null, null, null, null);
}
