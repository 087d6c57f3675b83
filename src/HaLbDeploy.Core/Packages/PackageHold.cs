namespace HaLbDeploy.Core.Packages;

/// <summary>A package to hold at its version: apt-mark hold, or a dnf/yum versionlock on exactly this version.</summary>
public sealed record PackageHold(string Package, string Version)
{
    public override string ToString() => $"hold {Package} at {Version}";
}
