using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Model;

/// <summary>The inventory's `packages:` section: where keepalived and haproxy come from.</summary>
/// <param name="Files">With <see cref="PackageSource.Files"/>: every file to install, dependencies included, for
/// each OS family targeted; a node gets the ones of its package format.</param>
public sealed record PackageSettings(PackageSource Source, IReadOnlyList<PackageFile> Files)
{
    public static PackageSettings FromRepository { get; } = new(PackageSource.Repository, []);

    /// <summary>`packages.pin`: the versions keepalived and haproxy must have (installed and held by apply); none by default.</summary>
    public IReadOnlyList<PackagePin> Pins { get; init; } = [];

    public PackagePin? PinOf(string package) => Pins.FirstOrDefault(p => p.Package == package);

    /// <summary>The files a node installs: .deb for apt, .rpm for dnf and yum.</summary>
    public IReadOnlyList<PackageFile> FilesOf(PackageFormat format) => Files.Where(f => f.Format == format).ToList();
}
