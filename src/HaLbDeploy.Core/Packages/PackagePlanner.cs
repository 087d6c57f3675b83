namespace HaLbDeploy.Core.Packages;

/// <summary>
/// Per node, from what is installed, what the repositories offer and the inventory's pins: the packages that move
/// and the holds to set. A pinned package moves to the newest version its pin allows when the installed one does not
/// match (which may be a downgrade), or, with `--upgrade`, to a newer match; it is held at that version. An unpinned
/// package moves only with `--upgrade`, and only to a strictly newer candidate. A package that is not installed is
/// left to the install step of every apply. A pin's hold is halb-deploy's: recorded on the node when set (an earlier
/// hold, the operator's or from a version before the record, is taken over and recorded), and released when the pin
/// goes; a hold the record does not name is never released.
/// </summary>
public static class PackagePlanner
{
    public static NodePackagePlan Plan(IEnumerable<PackageVersions> versions, IReadOnlyList<PackagePin> pins, bool upgrade)
    {
        var moves = new List<PackageUpgrade>();
        var holds = new List<PackageHold>();
        var problems = new List<string>();
        var releases = new List<PackageRelease>();
        foreach (var v in versions.Where(v => v.Installed is not null))
        {
            var installed = v.Installed!;
            if (pins.FirstOrDefault(p => p.Package == v.Package) is not { } pin)
            {
                if (upgrade && v.Candidate is { } candidate && PackageVersionOrder.IsNewer(candidate, installed)) moves.Add(new PackageUpgrade(v.Package, installed, candidate));
                if (v.HeldByHalb) releases.Add(new PackageRelease(v.Package));
                continue;
            }
            var target = Target(pin, v, upgrade);
            if (target is null)
            {
                problems.Add($"{pin}, but the node's repositories offer no matching version (installed: {installed}; offered: {(v.Available.Count == 0 ? "none" : string.Join(", ", v.Available))})");
                continue;
            }
            if (target != installed) moves.Add(new PackageUpgrade(v.Package, installed, target));
            if (target != installed || !v.Held || !v.HeldByHalb) holds.Add(new PackageHold(v.Package, target));
        }
        return new NodePackagePlan(moves, holds, problems) { Releases = releases };
    }

    /// <summary>The installed version while it matches (without --upgrade), else the newest match on offer.</summary>
    private static string? Target(PackagePin pin, PackageVersions v, bool upgrade)
    {
        var installedMatches = pin.Matches(v.Installed!);
        if (installedMatches && !upgrade) return v.Installed;
        return pin.NewestMatch(v.Available.Append(v.Installed!));
    }
}
