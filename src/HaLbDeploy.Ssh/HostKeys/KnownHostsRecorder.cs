namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Appends accepted host keys to a known_hosts file in OpenSSH's plain form ("host key-type base64").
/// A missing file is created 0600 and a missing directory 0700, like ssh does.
/// </summary>
public static class KnownHostsRecorder
{
    private static readonly Lock AppendLock = new();

    public static string FormatLine(string host, int port, PresentedHostKey key) =>
        $"{KnownHostName.Format(host, port)} {key.KeyType} {key.Base64}";

    public static void Append(string path, string host, int port, PresentedHostKey key)
    {
        var line = FormatLine(host, port, key);
        lock (AppendLock)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
                else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(path, options);
            var needsNewline = false;
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                needsNewline = stream.ReadByte() != '\n';
            }
            stream.Seek(0, SeekOrigin.End);
            using var writer = new StreamWriter(stream);
            if (needsNewline) writer.Write('\n');
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
