using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// A package file must be a regular file here, named like a .deb or .rpm, and match its `sha256:` when one is written.
/// Its digest is computed in any case: the node checks its copy against it before installing.
/// A file that fails gets an empty placeholder, so the list keeps its positions.
/// </summary>
internal sealed class PackageFileParser(ProblemCollector problems, IInventoryEnvironment environment, LocalPathResolver paths)
{
    /// <summary>keepalived, haproxy and their dependencies are a few MiB each; the cap stops a file that is no package (a disk image) from being hashed and copied.</summary>
    public const long MaxPackageFileBytes = 512L * 1024 * 1024;

    private static readonly PackageFile Placeholder = new("", "", 0, "", PackageFormat.Deb);

    public PackageFile Parse(YamlSection entry)
    {
        var written = entry.String("path", required: true, fix: "add `path: FILE.deb` or `path: FILE.rpm` (relative to the inventory file)");
        var expected = entry.String("sha256");
        entry.RejectUnknownKeys();
        if (expected is not null && !InventoryPatterns.Sha256Hex().IsMatch(expected))
        {
            problems.Error("bad-sha256", entry.FieldPath("sha256"), $"{ShownText.Quote(expected)} is not a SHA-256 digest", "write the 64 hex digits that `sha256sum FILE` prints");
            expected = null;
        }
        if (written is null) return Placeholder;
        var pathField = entry.FieldPath("path");
        if (!paths.TryResolve(written, out var path))
            return Refuse(pathField, "bad-path", $"{ShownText.Quote(written)} holds a control character (a line break?)", "write the package file's path on one line");
        var name = Path.GetFileName(path);
        if (FormatOf(name) is not { } format)
            return Refuse(pathField, "bad-package-file", $"{ShownText.Quote(written)} is not a .deb or .rpm file", "list package files ending in .deb (for apt nodes) or .rpm (for dnf and yum nodes)");
        if (!InventoryPatterns.PackageFileName().IsMatch(name))
        {
            return Refuse(pathField, "bad-package-file", $"{ShownText.Quote(name)} has characters other than letters, digits and . _ + ~ % : -",
                "rename the file the way its package manager names it, e.g. haproxy_2.6.12-1+deb12u4_amd64.deb");
        }
        var digest = environment.DigestFile(path, MaxPackageFileBytes);
        if (!digest.IsComputed) return Refuse(pathField, digest, path);
        if (digest.Length == 0)
            return Refuse(pathField, "package-file-empty", $"{path} is empty", "copy the package file again; an interrupted download leaves an empty file");
        if (expected is not null && !string.Equals(expected, digest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(entry.FieldPath("sha256"), "sha256-mismatch", $"{name} has SHA-256 {digest.Sha256}, not the one written here",
                "check that it is the file you meant (download it again), or write the digest `sha256sum` prints for it");
        }
        return new PackageFile(path, name, digest.Length, digest.Sha256, format);
    }

    private static PackageFormat? FormatOf(string name) =>
        name.EndsWith(".deb", StringComparison.Ordinal) ? PackageFormat.Deb
        : name.EndsWith(".rpm", StringComparison.Ordinal) ? PackageFormat.Rpm
        : null;

    private PackageFile Refuse(string field, LocalFileDigest failure, string path) => failure.Status switch
    {
        LocalFileReadStatus.NotARegularFile => Refuse(field, "not-a-regular-file", $"{path} is {failure.Reason}, not a regular file, so it is not read",
            "list the package file itself; copy it here if it comes from a pipe or a device"),
        LocalFileReadStatus.TooLarge => Refuse(field, "file-too-large", $"{path} has {failure.Length} bytes, more than the {MaxPackageFileBytes / 1024 / 1024} MiB a package file may have",
            "check that it is the .deb or .rpm you meant; keepalived and haproxy packages are a few MiB"),
        LocalFileReadStatus.Unreadable => Refuse(field, "package-file-unreadable", $"cannot read {path}: {failure.Reason}", "check the file's permissions, or fix the path"),
        _ => Refuse(field, "package-file-unreadable", $"cannot read {path}", "copy the package file there or fix the path (a relative path is relative to the inventory file)"),
    };

    private PackageFile Refuse(string field, string code, string message, string fix)
    {
        problems.Error(code, field, message, fix);
        return Placeholder;
    }
}
