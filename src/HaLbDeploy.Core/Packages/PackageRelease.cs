namespace HaLbDeploy.Core.Packages;

/// <summary>A hold halb-deploy set for a pin that is gone: apt-mark unhold, or the dnf/yum versionlock deleted.</summary>
public sealed record PackageRelease(string Package)
{
    public override string ToString() => $"release the hold on {Package} (no pin any more)";
}
