namespace HaLbDeploy.Core.SshConfig;

/// <summary>An ssh_config file with its Includes read in place, and what was skipped on the way.</summary>
public sealed record SshConfigDocument(string Path, IReadOnlyList<SshConfigEntry> Entries, IReadOnlyList<SshConfigNote> Notes)
{
    /// <summary>
    /// The settings for a node known by these names, as ssh resolves them: for each keyword the first value met in
    /// file order, among the lines outside any block and those of the Host blocks that match.
    /// </summary>
    public SshConfigHostSettings Resolve(IReadOnlyList<string> names)
    {
        var first = new Dictionary<string, SshConfigEntry>(StringComparer.Ordinal);
        foreach (var entry in Entries)
            if (entry.Block is null || entry.Block.Applies(names)) first.TryAdd(entry.Keyword, entry);
        return new SshConfigHostSettings(first);
    }
}
