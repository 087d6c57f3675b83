namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HaLbDeploy.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HaLbDeploy.sln not found above " + AppContext.BaseDirectory);
    }
}
