namespace HaLbDeploy.Core.Ports;

/// <summary>
/// What loading an inventory may read on the control host: the inventory file itself, environment variables,
/// secret files and package files, and the home folder that ~ stands for.
/// </summary>
public interface IInventoryEnvironment
{
    string? GetVariable(string name);

    /// <summary>The inventory file's bytes, or why they could not be read; never more than <paramref name="maxBytes"/>.</summary>
    LocalFileRead ReadBytes(string path, int maxBytes);

    /// <summary>The absolute form of <paramref name="path"/>, taken from the current directory when it is relative.</summary>
    string FullPath(string path);

    /// <summary>The file's text, or null when it cannot be read.</summary>
    string? ReadFile(string path);

    /// <summary>The file's length and SHA-256, or null when it cannot be read (missing, a directory, no permission).</summary>
    LocalFileDigest? DigestFile(string path);

    string HomeDirectory { get; }
}
