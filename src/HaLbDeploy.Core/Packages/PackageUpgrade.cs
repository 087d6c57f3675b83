namespace HaLbDeploy.Core.Packages;

/// <summary>A package that moves on a node from one version to another.</summary>
public sealed record PackageUpgrade(string Package, string From, string To)
{
    public override string ToString() => $"{Package} {From} -> {To}";
}
