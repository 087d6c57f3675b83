using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>
/// The default VRRP profile renders keepalived.conf byte for byte as it did before the fast profile existed: the
/// copies under Rendering/golden-default-profile were written from main before the fast profile's template blocks
/// were added, for the variants the example golden files do not cover. Regenerate only after an intended change
/// to the default profile (HALB_UPDATE_GOLDEN=1, as <see cref="GoldenFileTests"/>).
/// </summary>
public sealed class DefaultProfileGoldenTests
{
    private static readonly string GoldenRoot = RepositoryRoot.Of("tests/HaLbDeploy.Core.Tests/Rendering/golden-default-profile");

    public static TheoryData<string> Variants() => ["multicast-nopreempt", "strict-accept", "no-secret", "without-preempt"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_default_profile_renders_keepalived_conf_as_before_the_fast_profile(string variant)
    {
        foreach (var node in ConfigurationRenderer.WithBuiltInTemplates().RenderAll(Variant(variant)))
        {
            var rendered = node.File(NodePaths.KeepalivedConfig).Content;
            var golden = Path.Combine(GoldenRoot, variant, node.Node.Name, "keepalived.conf");
            if (Environment.GetEnvironmentVariable("HALB_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
                File.WriteAllBytes(golden, Encoding.UTF8.GetBytes(rendered));
            }
            Assert.True(File.Exists(golden), $"no golden copy {golden}");
            Assert.Equal(File.ReadAllText(golden), rendered);
        }
    }

    private static Inventory Variant(string name) => name switch
    {
        "multicast-nopreempt" => ExampleInventory.MulticastWithoutPreempt(),
        "strict-accept" => ExampleInventory.StrictWithAccept(),
        "no-secret" => ExampleInventory.WithoutSecret(),
        "without-preempt" => ExampleInventory.WithoutPreempt(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown variant"),
    };
}
