using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Writes to an open file with O_APPEND set on its descriptor: the kernel puts every write at the end of the file
/// as it is at that moment, so a writer that does not take our lock (ssh itself appends to known_hosts) can never
/// be overwritten by us. .NET has no O_APPEND (FileMode.Append seeks once, then writes at its own offset), so on
/// Linux the flag is set with fcntl. Elsewhere the write goes at the end as seen under the lock.
/// </summary>
internal static class AppendOnlyWriter
{
    private const int GetStatusFlags = 3; // F_GETFL
    private const int SetStatusFlags = 4; // F_SETFL
    private const int LinuxAppendFlag = 0x400; // O_APPEND, the same on every Linux architecture .NET runs on

    public static void Write(FileStream file, byte[] bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            file.Seek(0, SeekOrigin.End);
            file.Write(bytes);
            file.Flush();
            return;
        }
        var handle = file.SafeFileHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var fd = (int)handle.DangerousGetHandle();
            var flags = Fcntl(fd, GetStatusFlags, 0);
            if (flags < 0 || Fcntl(fd, SetStatusFlags, flags | LinuxAppendFlag) < 0)
                throw new IOException($"cannot open {file.Name} for appending: error {Marshal.GetLastPInvokeError()}");
            for (var at = 0; at < bytes.Length;)
            {
                var written = WriteBytes(fd, ref bytes[at], bytes.Length - at);
                if (written < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == 4) continue; // EINTR
                    throw new IOException($"writing {file.Name} failed: error {error}");
                }
                at += (int)written;
            }
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteBytes(int fd, ref byte buffer, nint count);
}
