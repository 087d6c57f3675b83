namespace HaLbDeploy.Core.Facts;

/// <summary>The tool that installs packages on the node; dnf wins over yum where both exist (yum is dnf there).</summary>
public enum PackageManager
{
    Unknown,
    Apt,
    Dnf,
    Yum,
}
