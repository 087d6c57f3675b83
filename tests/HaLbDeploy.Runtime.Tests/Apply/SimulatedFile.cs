using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>A file on a simulated node: its text and the attributes `stat` would print.</summary>
public sealed record SimulatedFile(string Content, string Mode, string Owner, string Group)
{
    public static SimulatedFile From(RenderedFile file) => new(file.Content, file.Mode, file.Owner, file.Group);
}
