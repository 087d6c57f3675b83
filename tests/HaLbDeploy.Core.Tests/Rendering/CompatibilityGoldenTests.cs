using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>
/// The promise of the one-VIP shorthand (`vip:`, `virtual_router_id:`, node priorities): an inventory that validated
/// before `vips:` existed renders exactly the same bytes. Each inventory under Rendering/compat/inventories was
/// rendered by main before multi-VIP and dual-stack support was written, and the files were kept under
/// Rendering/compat/golden/INVENTORY/NODE/PATH; this test renders them again and compares byte for byte.
/// These goldens are a record of the old output: never regenerate them for a template change that is meant to
/// alter one-VIP inventories without saying so in the commit (HALB_UPDATE_COMPAT_GOLDEN=1 rewrites them).
/// </summary>
public sealed class CompatibilityGoldenTests
{
    private static readonly string Root = RepositoryRoot.Of("tests/HaLbDeploy.Core.Tests/Rendering/compat");

    private static bool Updating => Environment.GetEnvironmentVariable("HALB_UPDATE_COMPAT_GOLDEN") == "1";

    public static TheoryData<string> Inventories()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "inventories"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inventories))]
    public void A_one_vip_inventory_renders_byte_for_byte_what_main_rendered_before_multi_vip_support(string name)
    {
        var nodes = ConfigurationRenderer.WithBuiltInTemplates().RenderAll(Load(name));
        var goldenRoot = Path.Combine(Root, "golden", name);
        var rendered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var file in node.Files)
            {
                var golden = Path.Combine(goldenRoot, node.Node.Name, file.Path.TrimStart('/'));
                rendered.Add(golden);
                if (Updating)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
                    File.WriteAllBytes(golden, Encoding.UTF8.GetBytes(file.Content));
                }
                Assert.True(File.Exists(golden), $"main did not render {golden}");
                var expected = File.ReadAllBytes(golden);
                if (!expected.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(file.Content)))
                    Assert.Equal(Encoding.UTF8.GetString(expected), file.Content);
            }
        }
        var missing = Directory.EnumerateFiles(goldenRoot, "*", SearchOption.AllDirectories).Where(f => !rendered.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "main rendered files that are no longer rendered: " + string.Join(", ", missing));
    }

    private static Inventory Load(string name)
    {
        var path = Path.Combine(Root, "inventories", name + ".yaml");
        var result = new InventoryLoader(new FakeInventoryEnvironment()).LoadText(File.ReadAllText(path), name + ".yaml", Path.GetDirectoryName(path)!);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        return result.Inventory!;
    }
}
