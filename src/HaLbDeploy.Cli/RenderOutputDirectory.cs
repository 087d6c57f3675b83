using System.Text;

namespace HaLbDeploy.Cli;

/// <summary>
/// The directory render writes into, written so that nothing found in it can redirect a write: it must be a
/// directory (an existing file, a FIFO, a path in /proc or /sys is refused); no symbolic link inside it is followed
/// (each one on the way to a file is refused by name); and every file is written new, under a temporary name with
/// O_CREAT|O_EXCL and its final mode from its creation, then renamed over its target. So a file or hard link found
/// at a target is replaced, never written through, and keepalived.conf is never readable by more than its mode allows.
/// </summary>
public sealed class RenderOutputDirectory
{
    private static readonly string[] KernelFileSystems = ["/proc", "/sys"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private RenderOutputDirectory(string root) => Root = root;

    /// <summary>The full path of the directory; a link to a directory given as --out itself is kept as given.</summary>
    public string Root { get; }

    /// <summary>The directory at <paramref name="path"/>, created (with its parents) when nothing is there.</summary>
    public static RenderOutputDirectory Open(string path)
    {
        var root = Path.GetFullPath(path);
        if (KernelFileSystems.FirstOrDefault(fs => IsIn(root, fs) || IsIn(Resolved(root), fs)) is { } kernel)
            throw new RenderOutputException($"--out {path} is in {kernel}, the kernel's view of the system, not a directory for files");
        if (File.Exists(root)) throw new RenderOutputException($"--out {path} is not a directory");
        if (IsLink(root) && !Directory.Exists(root))
            throw new RenderOutputException($"--out {path} is a symbolic link to {new FileInfo(root).LinkTarget}, which does not exist");
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RenderOutputException($"cannot create --out {path}: {e.Message}", e);
        }
        return new RenderOutputDirectory(root);
    }

    /// <summary>Refuses, before anything is written, what <see cref="Write"/> would refuse on the way to these files.</summary>
    public void Check(IEnumerable<string> relativePaths)
    {
        foreach (var relative in relativePaths) Walk(relative, create: false);
    }

    /// <summary>Writes ROOT/<paramref name="relativePath"/> with the octal <paramref name="mode"/>; returns its full path.</summary>
    public string Write(string relativePath, string content, string mode)
    {
        var target = Walk(relativePath, create: true)!;
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.halb-render-{Guid.NewGuid():N}");
        try
        {
            WriteNew(temporary, content, (UnixFileMode)Convert.ToInt32(mode, 8));
            // rename(2): whatever is at the target (a file, a hard link to someone's file) is replaced, never opened.
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new RenderOutputException($"cannot write {target}: {e.Message}", e);
        }
    }

    /// <summary>The target's full path, after checking (and with <paramref name="create"/>, making) each directory on the way; null where one is still missing.</summary>
    private string? Walk(string relativePath, bool create)
    {
        var parts = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is "." or ".."))
            throw new ArgumentException($"'{relativePath}' is no path inside the output directory", nameof(relativePath));
        var directory = Root;
        foreach (var part in parts[..^1])
        {
            directory = Path.Combine(directory, part);
            if (!IsLink(directory) && !Directory.Exists(directory) && !File.Exists(directory))
            {
                if (!create) return null;
                CreateDirectory(directory);
            }
            RefuseLink(directory);
            if (!Directory.Exists(directory))
                throw new RenderOutputException($"{directory} is in the way: render needs a directory there and found a file");
        }
        var target = Path.Combine(directory, parts[^1]);
        RefuseLink(target);
        if (Directory.Exists(target)) throw new RenderOutputException($"{target} is a directory: render writes a file there");
        return target;
    }

    private static void CreateDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RenderOutputException($"cannot create {directory}: {e.Message}", e);
        }
    }

    private static void WriteNew(string path, string content, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
        using var stream = new FileStream(path, options);
        // The umask can only take bits away; the file gets exactly its mode before its first byte.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, mode);
        using var writer = new StreamWriter(stream, Utf8);
        writer.Write(content);
    }

    private static void RefuseLink(string path)
    {
        if (IsLink(path))
        {
            throw new RenderOutputException(
                $"{path} is a symbolic link (to {new FileInfo(path).LinkTarget}); render never writes through a link inside --out: remove it or render into another directory");
        }
    }

    /// <summary>Whether the path itself is a symbolic link (lstat: the link is not followed).</summary>
    private static bool IsLink(string path)
    {
        var attributes = new FileInfo(path).Attributes;
        return (int)attributes != -1 && attributes.HasFlag(FileAttributes.ReparsePoint);
    }

    private static string Resolved(string path) =>
        IsLink(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;

    private static bool IsIn(string path, string directory) =>
        path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
