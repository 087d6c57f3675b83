using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>Short ways for tests to get at one rendered file with the built-in templates.</summary>
public static class Rendered
{
    private static readonly ConfigurationRenderer Renderer = ConfigurationRenderer.WithBuiltInTemplates();

    public static RenderedFile File(Inventory inventory, string nodeName, string path) =>
        Renderer.Render(inventory, inventory.Nodes.Single(n => n.Name == nodeName)).File(path);

    public static string HaproxyConfig(Inventory inventory, string nodeName = "lb1") =>
        File(inventory, nodeName, NodePaths.HaproxyConfig).Content;

    public static string KeepalivedConfig(Inventory inventory, string nodeName = "lb1") =>
        File(inventory, nodeName, NodePaths.KeepalivedConfig).Content;

    /// <summary>The lines with their indentation removed, for asserting on directives.</summary>
    public static IReadOnlyList<string> Directives(string content) =>
        content.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

    /// <summary>The directives inside the first block opened by a line equal to <paramref name="opening"/>.</summary>
    public static IReadOnlyList<string> Block(string content, string opening)
    {
        var lines = Directives(content);
        var start = lines.ToList().IndexOf(opening);
        Assert.True(start >= 0, $"no line '{opening}' in:\n{content}");
        return lines.Skip(start + 1).TakeWhile(line => line != "}").ToList();
    }
}
