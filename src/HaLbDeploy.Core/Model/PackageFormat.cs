namespace HaLbDeploy.Core.Model;

/// <summary>The kind of a package file, from its extension: .deb for apt nodes, .rpm for dnf and yum nodes.</summary>
public enum PackageFormat
{
    Deb,
    Rpm,
}
