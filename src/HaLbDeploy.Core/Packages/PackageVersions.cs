namespace HaLbDeploy.Core.Packages;

/// <summary>One package on one node: the version installed and the one its repositories would install (null: none).</summary>
public sealed record PackageVersions(string Package, string? Installed, string? Candidate)
{
    /// <summary>Every version the node's repositories offer (for a pin to choose from).</summary>
    public IReadOnlyList<string> Available { get; init; } = [];

    /// <summary>Held (apt-mark hold) or version-locked (dnf/yum versionlock).</summary>
    public bool Held { get; init; }

    /// <summary>Named in the node's record of the holds halb-deploy set (<c>NodePaths.PackageHoldsRecord</c>).</summary>
    public bool HeldByHalb { get; init; }
}
