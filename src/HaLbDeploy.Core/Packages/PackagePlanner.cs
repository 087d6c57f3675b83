namespace HaLbDeploy.Core.Packages;

/// <summary>
/// Per node, from what is installed and what the repositories offer: the packages `apply --upgrade` moves. A package
/// moves only to a strictly newer candidate; one not installed is left to the install step of every apply.
/// </summary>
public static class PackagePlanner
{
    public static IReadOnlyList<PackageUpgrade> Upgrades(IEnumerable<PackageVersions> versions) =>
        versions.Where(v => v is { Installed: not null, Candidate: not null } && PackageVersionOrder.IsNewer(v.Candidate, v.Installed))
            .Select(v => new PackageUpgrade(v.Package, v.Installed!, v.Candidate!))
            .ToList();
}
