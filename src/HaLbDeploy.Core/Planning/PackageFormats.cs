using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Planning;

/// <summary>Which package files a node can install: apt takes .deb files, dnf and yum take .rpm files.</summary>
public static class PackageFormats
{
    public static PackageFormat? For(PackageManager manager) => manager switch
    {
        PackageManager.Apt => PackageFormat.Deb,
        PackageManager.Dnf or PackageManager.Yum => PackageFormat.Rpm,
        _ => null,
    };

    /// <summary>The extension as people write it, e.g. ".deb".</summary>
    public static string Extension(PackageFormat format) => format == PackageFormat.Deb ? ".deb" : ".rpm";
}
