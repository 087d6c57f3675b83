namespace HaLbDeploy.Core.SshConfig;

/// <summary>A `Host` line's patterns. A `Match` block (not supported) is one that matches nothing.</summary>
public sealed record SshConfigBlock(IReadOnlyList<string> Patterns, SshConfigOrigin Origin, bool IsMatch = false)
{
    public bool Applies(IReadOnlyList<string> names) => !IsMatch && SshHostPattern.MatchesAny(Patterns, names);
}
