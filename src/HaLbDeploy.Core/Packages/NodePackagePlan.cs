namespace HaLbDeploy.Core.Packages;

/// <summary>What one node's packages need: versions to move to, holds to set and to release, and pins its repositories cannot meet.</summary>
public sealed record NodePackagePlan(IReadOnlyList<PackageUpgrade> Moves, IReadOnlyList<PackageHold> Holds, IReadOnlyList<string> Problems)
{
    public static NodePackagePlan None { get; } = new([], [], []);

    /// <summary>Holds of ours whose pin is gone.</summary>
    public IReadOnlyList<PackageRelease> Releases { get; init; } = [];

    public bool HasChanges => Moves.Count > 0 || Holds.Count > 0 || Releases.Count > 0;
}
