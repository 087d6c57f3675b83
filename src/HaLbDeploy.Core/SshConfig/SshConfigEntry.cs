namespace HaLbDeploy.Core.SshConfig;

/// <summary>One `Keyword value` line of an ssh_config file, and the Host block it stands in.</summary>
/// <param name="Keyword">Lower case, as ssh compares them.</param>
/// <param name="Block">The Host line above it; null for lines before the first Host (they apply to every host).</param>
public sealed record SshConfigEntry(string Keyword, IReadOnlyList<string> Arguments, SshConfigOrigin Origin, SshConfigBlock? Block);
