using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HaLbDeploy.Runtime.Local;

/// <summary>
/// statx(2) and open(2) from the C library. .NET reports a FIFO and /dev/zero as ordinary files (FileAttributes.Normal,
/// length 0) and opening a FIFO blocks until a writer appears, so the file type has to come from the kernel, and the
/// open has to be non-blocking. statx is used because its result has one layout on every Linux architecture.
/// </summary>
internal static class LinuxFileCalls
{
    public const int NoSuchFile = 2;
    public const int NotADirectory = 20;
    public const int NotImplemented = 38;

    private const int AtCurrentDirectory = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint WantTypeAndSize = 0x001 | 0x200; // STATX_TYPE | STATX_SIZE
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

    // O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, the same values on x86-64 and arm64.
    private const int OpenForReadingWithoutBlocking = 0x0 | 0x100 | 0x800 | 0x80000;

    /// <summary>stat(2) of the path, links followed: 0 and the status, or the errno (<see cref="NotImplemented"/> when this system has no statx).</summary>
    public static int Stat(string path, out UnixFileStatus status) => StatAt(AtCurrentDirectory, path, 0, out status);

    /// <summary>fstat(2) of an open file: 0 and the status, or the errno.</summary>
    public static int Stat(SafeFileHandle handle, out UnixFileStatus status)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return StatAt((int)handle.DangerousGetHandle(), "", AtEmptyPath, out status);
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    /// <summary>Opens the path for reading without waiting for a FIFO's writer: 0 and the handle, or the errno.</summary>
    public static int OpenForReading(string path, out SafeFileHandle handle)
    {
        var fd = open(path, OpenForReadingWithoutBlocking);
        var errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        handle = new SafeFileHandle(fd < 0 ? -1 : fd, ownsHandle: fd >= 0);
        return errno;
    }

    private static int StatAt(int directory, string path, int flags, out UnixFileStatus status)
    {
        status = default;
        var buffer = new byte[StatxSize];
        try
        {
            if (statx(directory, path, flags, WantTypeAndSize, buffer) != 0) return Marshal.GetLastPInvokeError();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return NotImplemented;
        }
        var mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(ModeOffset));
        var size = MemoryMarshal.Read<ulong>(buffer.AsSpan(SizeOffset));
        var type = Enum.IsDefined((UnixFileType)(mode & 0xF000)) ? (UnixFileType)(mode & 0xF000) : UnixFileType.Unknown;
        status = new UnixFileStatus(type, (long)Math.Min(size, long.MaxValue));
        return 0;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need AllowUnsafeBlocks for the whole project; these two calls marshal plainly.
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, [Out] byte[] statxbuf);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags);
#pragma warning restore SYSLIB1054
}
