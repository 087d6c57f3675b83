namespace HaLbDeploy.Core.Ports;

/// <summary>
/// What loading an inventory may read on the control host: the inventory file itself, environment variables,
/// secret files and package files, and the home folder that ~ stands for.
/// Every file read here must be a regular file once links are followed, of a bounded size: a FIFO, a device such
/// as /dev/zero or a directory is refused before it is opened, so a load never blocks and never reads without end.
/// </summary>
public interface IInventoryEnvironment
{
    string? GetVariable(string name);

    /// <summary>The file's bytes, or why they could not be read; never more than <paramref name="maxBytes"/>.</summary>
    LocalFileRead ReadBytes(string path, int maxBytes);

    /// <summary>The absolute form of <paramref name="path"/>, taken from the current directory when it is relative.</summary>
    string FullPath(string path);

    /// <summary>The file's length and SHA-256, or why they could not be computed; never over more than <paramref name="maxBytes"/>.</summary>
    LocalFileDigest DigestFile(string path, long maxBytes);

    string HomeDirectory { get; }

    /// <summary>
    /// The files in <paramref name="directory"/> whose names match <paramref name="namePattern"/> (`*` and `?`), in
    /// ordinal order, as glob(3) gives ssh's Include; none when the directory does not exist or cannot be listed.
    /// </summary>
    IReadOnlyList<string> FindFiles(string directory, string namePattern) => [];
}
