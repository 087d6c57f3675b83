namespace HaLbDeploy.Core.Model;

/// <summary>What loading an inventory may read besides the file: environment variables, secret files and package files.</summary>
public interface IInventoryEnvironment
{
    string? GetVariable(string name);

    /// <summary>The file's text, or null when it cannot be read.</summary>
    string? ReadFile(string path);

    /// <summary>The file's length and SHA-256, or null when it cannot be read (missing, a directory, no permission).</summary>
    LocalFileDigest? DigestFile(string path);

    string HomeDirectory { get; }
}
