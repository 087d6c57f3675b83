using System.Text;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Core.SshConfig;

/// <summary>
/// Reads an ssh_config file as ssh_config(5) describes it: `Keyword value` or `Keyword=value`, keywords in any case,
/// `"quoted"` arguments, `#` comments, Host blocks, and Include (with `*`/`?` in the file name, relative paths from
/// ~/.ssh, at most <see cref="MaxIncludeDepth"/> deep and <see cref="MaxFiles"/> files). Match blocks are skipped with
/// a warning naming their file and line. Files are read through the environment's bounded regular-file opener.
/// </summary>
public sealed class SshConfigParser(IInventoryEnvironment environment)
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxIncludeDepth = 16;
    public const int MaxFiles = 256;

    private readonly List<SshConfigEntry> entries = [];
    private readonly List<SshConfigNote> notes = [];
    private int files;

    /// <param name="mustExist">The user named the file (--ssh-config, ssh.config): a missing one is an error, not an empty config.</param>
    public SshConfigDocument Parse(string path, bool mustExist)
    {
        entries.Clear();
        notes.Clear();
        files = 0;
        if (Read(path) is { } text) ReadText(path, text, 0, null);
        else if (mustExist || environment.ReadBytes(path, MaxFileBytes).Status != LocalFileReadStatus.Missing)
            notes.Add(new SshConfigNote(new SshConfigOrigin(path, 0), Describe(environment.ReadBytes(path, MaxFileBytes)), "name an existing ssh_config file, or `none` to read none", IsError: true));
        return new SshConfigDocument(path, entries.ToList(), notes.ToList());
    }

    private string? Read(string path)
    {
        var read = environment.ReadBytes(path, MaxFileBytes);
        return read.Status == LocalFileReadStatus.Read ? Encoding.UTF8.GetString(read.Bytes).TrimStart('\uFEFF') : null;
    }

    private static string Describe(LocalFileRead read) => read.Status switch
    {
        LocalFileReadStatus.Missing => "there is no such ssh_config file",
        LocalFileReadStatus.TooLarge => $"the ssh_config file has {read.Length} bytes, more than {MaxFileBytes}",
        LocalFileReadStatus.NotARegularFile => $"the ssh_config file is {read.Reason}, not a regular file, so it is not read",
        _ => $"the ssh_config file cannot be read: {read.Reason}",
    };

    private void ReadText(string path, string text, int depth, SshConfigBlock? block)
    {
        files++;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var origin = new SshConfigOrigin(path, number);
            if (!SshConfigLine.TryParse(raw, out var keyword, out var arguments, out var problem))
            {
                if (problem is not null) notes.Add(new SshConfigNote(origin, problem, "quote arguments with \"…\" and close every quote"));
                continue;
            }
            switch (keyword)
            {
                case "host":
                    block = new SshConfigBlock(arguments, origin);
                    break;
                case "match":
                    block = new SshConfigBlock([], origin, IsMatch: true);
                    notes.Add(new SshConfigNote(origin, "Match blocks are not supported: the lines up to the next Host or Match line are not used",
                        "write those settings under a Host line, or in the inventory's ssh section"));
                    break;
                case "include":
                    // As ssh does: the included lines stand in the current block, and the block is back after them.
                    foreach (var argument in arguments) Include(argument, origin, depth, block);
                    break;
                default:
                    entries.Add(new SshConfigEntry(keyword, arguments, origin, block));
                    break;
            }
        }
    }

    private void Include(string written, SshConfigOrigin origin, int depth, SshConfigBlock? block)
    {
        if (depth + 1 > MaxIncludeDepth)
        {
            notes.Add(new SshConfigNote(origin, $"Include nested deeper than {MaxIncludeDepth} files (a loop?), not followed", "remove the Include that leads back to this file", IsError: true));
            return;
        }
        var path = written.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(environment.HomeDirectory, written[2..])
            : Path.IsPathRooted(written) ? written : Path.Combine(environment.HomeDirectory, ".ssh", written);
        var directory = Path.GetDirectoryName(path) ?? "/";
        var name = Path.GetFileName(path);
        if (directory.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            notes.Add(new SshConfigNote(origin, $"Include {written}: wildcards are supported only in the file name, not in directories; not followed", "list the directories one Include each"));
            return;
        }
        var matches = name.AsSpan().IndexOfAny('*', '?') >= 0 ? environment.FindFiles(directory, name) : [path];
        foreach (var file in matches)
        {
            if (files >= MaxFiles)
            {
                notes.Add(new SshConfigNote(origin, $"more than {MaxFiles} ssh_config files through Include; the rest are not read", "include fewer files", IsError: true));
                return;
            }
            if (Read(file) is { } text) ReadText(file, text, depth + 1, block);
        }
    }
}
