using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;
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

    /// <summary>The refusal of a known_hosts that is no regular file of bounded size (see <see cref="RegularFileCheck"/>).</summary>
    public static KnownHostsRefusedException NotARegularFile(string path, LocalFileRead failure, long maxBytes) => new(
        $"known_hosts {path} {RegularFileCheck.Problem(failure, maxBytes)}: halb-deploy reads host keys only from a regular file. " +
        "Point ssh.known_hosts at the known_hosts file itself");

    /// <summary>Refuses, before it is opened, a path that exists but is no regular file of at most <paramref name="maxBytes"/>.</summary>
    public static void CheckRegular(string path, long maxBytes)
    {
        var check = RegularFileCheck.OfPath(path, maxBytes);
        if (check.Status is not (LocalFileReadStatus.Read or LocalFileReadStatus.Missing)) throw NotARegularFile(path, check, maxBytes);
    }

    /// <summary>Refuses an open file that is no regular file of at most <paramref name="maxBytes"/> (the path may have been swapped).</summary>
    public static void CheckOpenedRegular(SafeFileHandle handle, string path, long maxBytes)
    {
        var check = RegularFileCheck.OfOpened(handle, maxBytes);
        if (check.Status != LocalFileReadStatus.Read) throw NotARegularFile(path, check, maxBytes);
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
