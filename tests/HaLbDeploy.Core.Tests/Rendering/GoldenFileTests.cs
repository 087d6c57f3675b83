using System.Text;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>
/// Every file rendered from inventory/example.yaml (HALB_VRRP_SECRET=k8sVip01) is kept as a golden copy under
/// Rendering/golden/NODE/PATH-ON-THE-NODE and compared byte for byte. After an intended template change,
/// regenerate them and review the diff:
///     HALB_UPDATE_GOLDEN=1 dotnet test tests/HaLbDeploy.Core.Tests --filter "FullyQualifiedName~GoldenFileTests"
///     git diff tests/HaLbDeploy.Core.Tests/Rendering/golden
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly string GoldenRoot = RepositoryRoot.Of("tests/HaLbDeploy.Core.Tests/Rendering/golden");

    private static bool Updating => Environment.GetEnvironmentVariable("HALB_UPDATE_GOLDEN") == "1";

    public static TheoryData<string, string> RenderedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var node in Render())
            foreach (var file in node.Files)
                data.Add(node.Node.Name, file.Path);
        return data;
    }

    [Theory]
    [MemberData(nameof(RenderedFiles))]
    public void Each_rendered_file_matches_its_golden_copy_byte_for_byte(string node, string path)
    {
        var rendered = Render().Single(n => n.Node.Name == node).File(path).Content;
        var golden = GoldenPath(node, path);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllBytes(golden, Encoding.UTF8.GetBytes(rendered));
        }

        Assert.True(File.Exists(golden), $"no golden copy {golden}; create it with HALB_UPDATE_GOLDEN=1 (see {nameof(GoldenFileTests)})");
        var expected = File.ReadAllBytes(golden);
        if (!expected.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(rendered)))
            Assert.Equal(Encoding.UTF8.GetString(expected), rendered); // shows where they differ
    }

    [Fact]
    public void Every_golden_copy_is_still_rendered()
    {
        var rendered = Render().SelectMany(n => n.Files.Select(f => GoldenPath(n.Node.Name, f.Path))).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(GoldenRoot, "*", SearchOption.AllDirectories).Where(f => !rendered.Contains(f)).ToList();
        if (Updating) stale.ForEach(File.Delete);
        else Assert.Empty(stale);
    }

    private static IReadOnlyList<NodeConfiguration> Render() =>
        ConfigurationRenderer.WithBuiltInTemplates().RenderAll(ExampleInventory.Load());

    private static string GoldenPath(string node, string path) => Path.Combine(GoldenRoot, node, path.TrimStart('/'));
}
