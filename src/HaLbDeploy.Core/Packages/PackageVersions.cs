namespace HaLbDeploy.Core.Packages;

/// <summary>One package on one node: the version installed and the one its repositories would install (null: none).</summary>
public sealed record PackageVersions(string Package, string? Installed, string? Candidate);
