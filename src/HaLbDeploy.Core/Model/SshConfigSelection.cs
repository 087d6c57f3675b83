using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.SshConfig;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Which ssh_config to read: --ssh-config, else the inventory's `ssh.config`, else ~/.ssh/config when it exists;
/// `none` reads none. Its notes become the inventory's problems, at the ssh_config's file and line.
/// </summary>
internal sealed class SshConfigSelection(ProblemCollector problems, IInventoryEnvironment environment, LocalPathResolver paths)
{
    public const string None = "none";
    public const string DefaultPath = "~/.ssh/config";

    public SshConfigDocument? Load(string? fromCommandLine, string? fromInventory)
    {
        var written = fromCommandLine ?? fromInventory;
        if (written == None) return null;
        if (written is not null && !paths.TryResolve(written, out _))
        {
            problems.Error("bad-path", "ssh.config", $"{ShownText.Quote(written)} holds a control character (a line break?)", "write the path on one line");
            return null;
        }
        var path = written is null ? paths.Resolve(DefaultPath) : fromCommandLine is not null ? environment.FullPath(ExpandHome(written)) : paths.Resolve(written);
        var document = new SshConfigParser(environment).Parse(path, mustExist: written is not null);
        var field = fromCommandLine is not null ? "--ssh-config" : "ssh.config";
        foreach (var note in document.Notes)
        {
            if (note.IsError && note.Origin.Line == 0 && fromCommandLine is null && fromInventory is not null)
                problems.Error("ssh-config-unreadable", field, $"{note.Message} ({path})", note.Fix);
            else
                problems.InFile(note.IsError ? ProblemSeverity.Error : ProblemSeverity.Warning, "ssh-config", note.Origin.File, note.Origin.Line, field, note.Message, note.Fix);
        }
        return document;
    }

    private string ExpandHome(string path) =>
        path == "~" ? environment.HomeDirectory : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(environment.HomeDirectory, path[2..]) : path;
}
