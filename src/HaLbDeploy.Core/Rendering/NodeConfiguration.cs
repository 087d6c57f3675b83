using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Rendering;

/// <summary>Every file one LB node needs, in the order they should be written (a script before the config that runs it).</summary>
public sealed record NodeConfiguration(LbNode Node, IReadOnlyList<RenderedFile> Files)
{
    public RenderedFile File(string path) =>
        Files.FirstOrDefault(f => f.Path == path) ?? throw new KeyNotFoundException($"{Node.Name} has no rendered file {path}");

    public override string ToString() => $"{Node.Name}: {string.Join(", ", Files.Select(f => f.Path))}";
}
