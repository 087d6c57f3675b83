using System.Text;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Appends accepted host keys to a known_hosts file in OpenSSH's plain form ("host key-type base64"). Several runs
/// (processes) may do so at once: each takes an exclusive lock on "PATH.lock" (flock, removed on close), reads the
/// file again under it, and appends with O_APPEND, so no line is lost or written twice. A key that another run
/// recorded meanwhile is not written again; a different key that another run recorded meanwhile is reported, not
/// added beside it. A symbolic link or a file others can write is refused (see <see cref="KnownHostsFileSafety"/>).
/// So is anything but a regular file of at most <see cref="KnownHostsFile.MaxBytes"/>, before and after the open.
/// A missing file is created 0600 and a missing directory 0700, like ssh does.
/// </summary>
public static class KnownHostsRecorder
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    public static string FormatLine(string host, int port, PresentedHostKey key) =>
        $"{KnownHostName.Format(host, port)} {key.KeyType} {key.Base64}";

    public static KnownHostsAppendResult Append(string path, string host, int port, PresentedHostKey key)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        KnownHostsFileSafety.Check(path);
        KnownHostsFileSafety.CheckRegular(path, KnownHostsFile.MaxBytes);
        using var exclusive = TakeLock(path + ".lock");

        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new FileStream(path, options);
        KnownHostsFileSafety.CheckOpened(file.SafeFileHandle, path);
        KnownHostsFileSafety.CheckOpenedRegular(file.SafeFileHandle, path, KnownHostsFile.MaxBytes);

        var current = ReadAll(file);
        var known = KnownHostsFile.Parse(current, path).EntriesFor(host, port).Where(e => e.Marker == KnownHostMarker.None).ToList();
        if (known.Any(key.HasSameKeyAs)) return KnownHostsAppendResult.AlreadyRecorded;
        if (known.Any(e => e.KeyType == key.KeyType)) return KnownHostsAppendResult.ConflictingKey;

        var separator = current.Length > 0 && !current.EndsWith('\n') ? "\n" : "";
        AppendOnlyWriter.Write(file, Encoding.UTF8.GetBytes(separator + FormatLine(host, port, key) + "\n"));
        return KnownHostsAppendResult.Appended;
    }

    /// <summary>
    /// An exclusive flock on a lock file beside known_hosts, shared by every process (and every writer in this one:
    /// each open is its own lock). The file is removed when released; .NET checks that the path still names the file
    /// it locked, so a writer never holds a lock on a removed file. Readers of known_hosts itself are not blocked.
    /// </summary>
    private static FileStream TakeLock(string lockPath)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, options);
            }
            catch (IOException e) when (e.GetType() == typeof(IOException) && DateTime.UtcNow < deadline)
            {
                // Held by another writer: try again shortly.
                Thread.Sleep(Random.Shared.Next(5, 25));
            }
            catch (IOException e) when (e.GetType() == typeof(IOException))
            {
                throw new IOException($"{lockPath} stayed locked by another writer for {LockTimeout.TotalSeconds:0} s: {e.Message}", e);
            }
        }
    }

    private static string ReadAll(FileStream file)
    {
        var bytes = new byte[file.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(file.SafeFileHandle, bytes.AsSpan(read), read);
            if (n == 0) break;
            read += n;
        }
        return Encoding.UTF8.GetString(bytes, 0, read);
    }
}
