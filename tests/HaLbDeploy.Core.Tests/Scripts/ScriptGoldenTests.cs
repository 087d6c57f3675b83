using System.Text;

namespace HaLbDeploy.Core.Tests.Scripts;

/// <summary>
/// Every script text of <see cref="ScriptCatalog"/> is kept as a golden copy under Scripts/golden/NAME and compared
/// byte for byte: what reaches a node changes only on purpose. After an intended change, regenerate and review:
///     HALB_UPDATE_GOLDEN=1 dotnet test tests/HaLbDeploy.Core.Tests --filter "FullyQualifiedName~ScriptGoldenTests"
///     git diff tests/HaLbDeploy.Core.Tests/Scripts/golden
/// </summary>
public sealed class ScriptGoldenTests
{
    private static readonly string GoldenRoot = RepositoryRoot.Of("tests/HaLbDeploy.Core.Tests/Scripts/golden");

    private static bool Updating => Environment.GetEnvironmentVariable("HALB_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Names() => new(ScriptCatalog.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_script_matches_its_golden_copy_byte_for_byte(string name)
    {
        var script = ScriptCatalog.All[name]();
        var golden = Path.Combine(GoldenRoot, name);
        if (Updating)
        {
            Directory.CreateDirectory(GoldenRoot);
            File.WriteAllBytes(golden, Encoding.UTF8.GetBytes(script));
        }

        Assert.True(File.Exists(golden), $"no golden copy {golden}; create it with HALB_UPDATE_GOLDEN=1 (see {nameof(ScriptGoldenTests)})");
        var expected = File.ReadAllBytes(golden);
        if (!expected.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(script)))
            Assert.Equal(Encoding.UTF8.GetString(expected), script); // shows where they differ
    }

    [Fact]
    public void Every_golden_copy_is_still_built()
    {
        var stale = Directory.EnumerateFiles(GoldenRoot).Where(f => !ScriptCatalog.All.ContainsKey(Path.GetFileName(f))).ToList();
        if (Updating) stale.ForEach(File.Delete);
        else Assert.Empty(stale);
    }
}
