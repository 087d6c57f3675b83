namespace HaLbDeploy.Core.Model;

/// <summary>One package file on the control host, as read when the inventory was loaded.</summary>
/// <param name="LocalPath">The absolute path on the control host.</param>
/// <param name="FileName">The name it gets on the node (the local file name).</param>
/// <param name="Size">Its length in bytes when the inventory was loaded.</param>
/// <param name="Sha256">Its SHA-256 in lower-case hex, computed when the inventory was loaded (and equal to the
/// inventory's `sha256:` when one is written); the node checks the copy against it.</param>
public sealed record PackageFile(string LocalPath, string FileName, long Size, string Sha256, PackageFormat Format);
