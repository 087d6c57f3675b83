using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>
/// The one-frontend shorthand (`frontend:` / `backends:` / `health_check:`) must render byte for byte what it
/// rendered before `frontends:` existed. The golden copies under Rendering/golden-shorthand/VARIANT/NODE/PATH were
/// written by the templates and renderer of main before the frontends list was added (commit "golden copies of the
/// shorthand's rendering, taken before frontends:"), from fixture variants that exercise every shorthand key. The
/// repository's inventories (example, lab) are held to the same promise by <see cref="CompatibilityGoldenTests"/>,
/// whose golden copies of them were taken from the same main. Never regenerate them for a frontends change: a difference is a regression.
///     HALB_UPDATE_GOLDEN=1 dotnet test tests/HaLbDeploy.Core.Tests --filter "FullyQualifiedName~ShorthandEquivalenceTests"
/// </summary>
public sealed class ShorthandEquivalenceTests
{
    private static readonly string GoldenRoot = RepositoryRoot.Of("tests/HaLbDeploy.Core.Tests/Rendering/golden-shorthand");

    private static bool Updating => Environment.GetEnvironmentVariable("HALB_UPDATE_GOLDEN") == "1";

    /// <summary>Shorthand keys with non-default values: frontend port, health check, timeouts, host-name backends with the default port, metrics.</summary>
    private static readonly string Tuned = Inventories.ValidWith("""
          - name: m2
            address: 10.0.0.22
            port: 6443
        """, """
          - name: m2
            address: api2.example.com
          - name: m3
            address: 10.0.0.23
            port: 16443
        frontend:
          port: 7443
        health_check:
          path: /livez
          interval: 500ms
          fall: 3
          rise: 1
        timeouts:
          connect: 3s
          client: 35s
          server: 1h
        metrics:
          port: 8405
          bind: all
        """);

    private static readonly string NodeMetrics = Inventories.Valid + """

        health_check:
          path: /healthz?verbose=1
        metrics:
          port: 9100
        """;

    private static readonly string DefaultsOnly = Inventories.Valid;

    public static TheoryData<string, string, string> RenderedFiles()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var variant in Variants())
            foreach (var node in Render(variant))
                foreach (var file in node.Files)
                    data.Add(variant, node.Node.Name, file.Path);
        return data;
    }

    [Theory]
    [MemberData(nameof(RenderedFiles))]
    public void Each_shorthand_inventory_renders_every_file_as_before_frontends_existed(string variant, string node, string path)
    {
        var rendered = Render(variant).Single(n => n.Node.Name == node).File(path).Content;
        var golden = GoldenPath(variant, node, path);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllBytes(golden, Encoding.UTF8.GetBytes(rendered));
        }

        Assert.True(File.Exists(golden), $"no golden copy {golden}");
        var expected = File.ReadAllBytes(golden);
        if (!expected.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(rendered)))
            Assert.Equal(Encoding.UTF8.GetString(expected), rendered);
    }

    [Fact]
    public void Every_golden_copy_is_still_rendered()
    {
        var rendered = Variants().SelectMany(v => Render(v).SelectMany(n => n.Files.Select(f => GoldenPath(v, n.Node.Name, f.Path)))).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.EnumerateFiles(GoldenRoot, "*", SearchOption.AllDirectories).Where(f => !rendered.Contains(f)).ToList();
        Assert.Empty(stale);
        Assert.True(rendered.Count >= 3 * 8, $"only {rendered.Count} files rendered");
    }

    private static IEnumerable<string> Variants() => ["defaults", "tuned", "node-metrics"];

    private static IReadOnlyList<NodeConfiguration> Render(string variant) =>
        ConfigurationRenderer.WithBuiltInTemplates().RenderAll(Load(variant));

    private static Inventory Load(string variant)
    {
        var environment = new FakeInventoryEnvironment();
        var result = variant switch
        {
            "defaults" => Inventories.Load(DefaultsOnly, environment),
            "tuned" => Inventories.Load(Tuned, environment),
            "node-metrics" => Inventories.Load(NodeMetrics, environment),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "unknown variant"),
        };
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        return result.Inventory!;
    }

    private static string GoldenPath(string variant, string node, string path) => Path.Combine(GoldenRoot, variant, node, path.TrimStart('/'));
}
