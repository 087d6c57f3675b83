using Microsoft.Win32.SafeHandles;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>
/// Refuses a known_hosts file that someone else could change: a symbolic link (whoever can change the link chooses
/// which keys are trusted), or a file writable by its group or by others (anyone of them can add their key). Each
/// refusal names the command that fixes it. A file that does not exist yet is fine (accept-new creates it 0600).
/// </summary>
public static class KnownHostsFileSafety
{
    /// <summary>Throws <see cref="KnownHostsRefusedException"/> when the file at <paramref name="path"/> must not be trusted.</summary>
    public static void Check(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            var resolved = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? target;
            throw new KnownHostsRefusedException(
                $"known_hosts {path} is a symbolic link to {target}: halb-deploy trusts host keys only from a regular file, because whoever can " +
                $"change the link chooses which keys are trusted. Point ssh.known_hosts at the file itself ({resolved}), or replace the link " +
                $"with a copy: `cp --remove-destination {ShellQuote(resolved)} {ShellQuote(path)}`");
        }
        if (!info.Exists) return;
        RefuseWritableByOthers(path, info.UnixFileMode);
    }

    /// <summary>The same mode check on an open file (no second look-up of the path).</summary>
    public static void CheckOpened(SafeFileHandle handle, string path)
    {
        if (OperatingSystem.IsWindows()) return;
        RefuseWritableByOthers(path, File.GetUnixFileMode(handle));
    }

    private static void RefuseWritableByOthers(string path, UnixFileMode mode)
    {
        var who = (mode.HasFlag(UnixFileMode.GroupWrite), mode.HasFlag(UnixFileMode.OtherWrite)) switch
        {
            (true, true) => "its group and by others",
            (true, false) => "its group",
            (false, true) => "others",
            _ => null,
        };
        if (who is null) return;
        throw new KnownHostsRefusedException(
            $"known_hosts {path} is writable by {who} (mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}): anyone who can write it can make " +
            $"halb-deploy trust their host key. Fix it with `chmod go-w {ShellQuote(path)}` and check the keys in it");
    }

    private static string ShellQuote(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-' or ':' or '~' or '+' or '@')
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
