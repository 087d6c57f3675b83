namespace HaLbDeploy.Architecture.Tests;

public sealed class TestsMirrorSourceTests
{
    public static TheoryData<string> Projects() => ["Core", "Runtime", "Ssh", "Cli"];

    /// <summary>A *Tests.cs file sits in tests/HaLbDeploy.X.Tests/FOLDER only when src/HaLbDeploy.X/FOLDER exists, so a test is found where its code is.</summary>
    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_folder_of_tests_has_its_folder_in_src(string project)
    {
        var tests = RepositoryRoot.Of($"tests/HaLbDeploy.{project}.Tests");
        var source = RepositoryRoot.Of($"src/HaLbDeploy.{project}");
        var strays = Directory.EnumerateFiles(tests, "*Tests.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(tests, Path.GetDirectoryName(file)!))
            .Where(folder => !folder.StartsWith("bin", StringComparison.Ordinal) && !folder.StartsWith("obj", StringComparison.Ordinal))
            .Distinct()
            .Where(folder => folder != "." && !Directory.Exists(Path.Combine(source, folder)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(strays.Count == 0, $"test folders with no source folder in src/HaLbDeploy.{project}: {string.Join(", ", strays)}");
    }
}
