using HaLbDeploy.Core.Ports;
using Microsoft.Win32.SafeHandles;

namespace HaLbDeploy.Runtime.Local;

/// <summary>
/// The checks <see cref="RegularFileOpener"/> makes, for code that must open a file itself (known_hosts is opened
/// for appending): the path, links followed, names a regular file of at most a given size; and an open file is one.
/// Each answers <see cref="LocalFileReadStatus.Read"/> (with no bytes) when the file passes, else why not.
/// </summary>
public static class RegularFileCheck
{
    /// <summary>The path, links followed: a regular file within the size, missing, or why it may not be read.</summary>
    public static LocalFileRead OfPath(string path, long maxBytes)
    {
        if (path.Contains('\0')) return LocalFileRead.Unreadable("the path contains a NUL character");
        var errno = LinuxFileCalls.Stat(path, out var status);
        return errno == LinuxFileCalls.NotImplemented ? LocalFileRead.Read([]) : RegularFileOpener.Check(errno, status, maxBytes);
    }

    /// <summary>An open file: a regular file within the size, or why it may not be read.</summary>
    public static LocalFileRead OfOpened(SafeFileHandle handle, long maxBytes)
    {
        var errno = LinuxFileCalls.Stat(handle, out var status);
        return errno == LinuxFileCalls.NotImplemented ? LocalFileRead.Read([]) : RegularFileOpener.Check(errno, status, maxBytes);
    }

    /// <summary>
    /// What a failed read means, as the end of a sentence that starts with the file's name: "is a FIFO (named pipe),
    /// not a regular file", "has 70000 bytes, more than the 64 KiB allowed", ...
    /// </summary>
    public static string Problem(LocalFileRead failure, long maxBytes) => failure.Status switch
    {
        LocalFileReadStatus.Missing => "does not exist",
        LocalFileReadStatus.NotARegularFile => $"is {failure.Reason}, not a regular file, so it is not read",
        LocalFileReadStatus.TooLarge => $"has {failure.Length} bytes, more than the {maxBytes / 1024} KiB allowed, so it is not read",
        LocalFileReadStatus.Unreadable => $"cannot be read: {failure.Reason}",
        _ => "was read",
    };
}
