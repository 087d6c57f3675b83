using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Local;

/// <summary>
/// Opens a file for reading only when it is a regular file (links followed) of at most a given size. The type is
/// checked before the open, so a FIFO or a device is never opened; the open itself does not block, and the type and
/// size are checked again on the open file, in case the path was swapped in between.
/// </summary>
internal static class RegularFileOpener
{
    public static bool TryOpen(string path, long maxBytes, out Stream stream, out LocalFileRead failure)
    {
        stream = Stream.Null;
        if (path.Contains('\0'))
        {
            failure = LocalFileRead.Unreadable("the path contains a NUL character");
            return false;
        }
        var errno = LinuxFileCalls.Stat(path, out var status);
        if (errno == LinuxFileCalls.NotImplemented) return TryOpenWithoutStatx(path, maxBytes, out stream, out failure);
        failure = Check(errno, status, maxBytes);
        if (failure.Status != LocalFileReadStatus.Read) return false;
        errno = LinuxFileCalls.OpenForReading(path, out var handle);
        if (errno == 0) errno = LinuxFileCalls.Stat(handle, out status);
        failure = Check(errno, status, maxBytes);
        if (failure.Status != LocalFileReadStatus.Read)
        {
            handle.Dispose();
            return false;
        }
        stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        return true;
    }

    /// <summary>Read (with no bytes) when the stat call worked and found a regular file within the size; else why not.</summary>
    internal static LocalFileRead Check(int errno, UnixFileStatus status, long maxBytes) =>
        errno != 0 ? Failure(errno)
        : status.Type != UnixFileType.Regular ? LocalFileRead.NotARegularFile(status.Describe())
        : status.Size > maxBytes ? LocalFileRead.TooLarge(status.Size)
        : LocalFileRead.Read([]);

    private static LocalFileRead Failure(int errno) => errno is LinuxFileCalls.NoSuchFile or LinuxFileCalls.NotADirectory
        ? LocalFileRead.Missing()
        : LocalFileRead.Unreadable(System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno));

    /// <summary>
    /// Where statx is missing (not Linux, or a C library before glibc 2.28): .NET cannot tell a FIFO or a device
    /// from an empty file, but all of them report length 0, so a file of length 0 is given as empty without being opened.
    /// </summary>
    internal static bool TryOpenWithoutStatx(string path, long maxBytes, out Stream stream, out LocalFileRead failure)
    {
        stream = Stream.Null;
        var full = Path.GetFullPath(path);
        FileInfo target;
        try
        {
            target = new FileInfo(File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // ResolveLinkTarget throws for a path that does not exist, where the statx path answers Missing.
            failure = LocalFileRead.Missing();
            return false;
        }
        failure = !target.Exists ? (Directory.Exists(target.FullName) ? LocalFileRead.NotARegularFile("a directory") : LocalFileRead.Missing())
            : target.Length > maxBytes ? LocalFileRead.TooLarge(target.Length)
            : LocalFileRead.Read([]);
        if (failure.Status != LocalFileReadStatus.Read) return false;
        if (target.Length > 0) stream = target.OpenRead();
        return true;
    }
}
