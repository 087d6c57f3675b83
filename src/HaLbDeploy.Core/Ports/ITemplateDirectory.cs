namespace HaLbDeploy.Core.Ports;

/// <summary>A user's folder of template overrides (--templates DIR), read on the control host.</summary>
public interface ITemplateDirectory
{
    /// <summary>The folder's absolute path, as messages name it.</summary>
    string FullPath { get; }

    bool Exists { get; }

    /// <summary>The names (not paths) of the folder's *.liquid files.</summary>
    IReadOnlyList<string> LiquidFileNames();

    /// <summary>The text of the named file, or null when there is no such file. Throws IOException or UnauthorizedAccessException when it exists but cannot be read.</summary>
    string? ReadText(string fileName);
}
