using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Local;

/// <summary>A template override folder on this machine's file system.</summary>
public sealed class LocalTemplateDirectory(string path) : ITemplateDirectory
{
    public string FullPath { get; } = Path.GetFullPath(path);

    public bool Exists => Directory.Exists(FullPath);

    public IReadOnlyList<string> LiquidFileNames() =>
        Directory.EnumerateFiles(FullPath, "*.liquid").Select(file => Path.GetFileName(file)).ToList();

    public string? ReadText(string fileName)
    {
        var file = Path.Combine(FullPath, fileName);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }
}
