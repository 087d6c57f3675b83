namespace HaLbDeploy.Core.Packages;

/// <summary>What one node's packages need: versions to move to, holds to set, and pins its repositories cannot meet.</summary>
public sealed record NodePackagePlan(IReadOnlyList<PackageUpgrade> Moves, IReadOnlyList<PackageHold> Holds, IReadOnlyList<string> Problems)
{
    public static NodePackagePlan None { get; } = new([], [], []);

    public bool HasChanges => Moves.Count > 0 || Holds.Count > 0;
}
