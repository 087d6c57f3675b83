namespace HaLbDeploy.Core.Model;

/// <summary>What loading an inventory may read besides the file: environment variables and secret files.</summary>
public interface IInventoryEnvironment
{
    string? GetVariable(string name);

    /// <summary>The file's text, or null when it cannot be read.</summary>
    string? ReadFile(string path);

    string HomeDirectory { get; }
}
