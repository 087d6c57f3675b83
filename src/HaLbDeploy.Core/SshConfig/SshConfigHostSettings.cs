namespace HaLbDeploy.Core.SshConfig;

/// <summary>The ssh_config values that apply to one node, by lower-case keyword, each with where it was written.</summary>
public sealed class SshConfigHostSettings(IReadOnlyDictionary<string, SshConfigEntry> values)
{
    public static readonly SshConfigHostSettings None = new(new Dictionary<string, SshConfigEntry>());

    public bool IsEmpty => values.Count == 0;

    public SshConfigEntry? this[string keyword] => values.GetValueOrDefault(keyword);

    /// <summary>The first argument of the keyword, or null when it is not set.</summary>
    public string? Value(string keyword) => values.GetValueOrDefault(keyword) is { Arguments.Count: > 0 } entry ? entry.Arguments[0] : null;
}
