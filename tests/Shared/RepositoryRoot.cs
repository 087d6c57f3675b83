namespace HaLbDeploy.Tests.Shared;

/// <summary>
/// The repository's top directory (the one with HaLbDeploy.sln), found from the test's output folder. One file,
/// compiled into every test project that reads repository files (linked from each .csproj).
/// </summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Of(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HaLbDeploy.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HaLbDeploy.sln not found above " + AppContext.BaseDirectory);
    }
}
