using HaLbDeploy.Cli;

namespace HaLbDeploy.Cli.Tests.TestSupport;

/// <summary>Runs halb-deploy in-process and captures what it printed.</summary>
public static class CliRunner
{
    public const string Secret = "k8sVip01";

    static CliRunner() => Environment.SetEnvironmentVariable("HALB_VRRP_SECRET", Secret);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HaLbDeploy.sln"))) return Path.Combine(dir.FullName, relativePath);
        }
        throw new InvalidOperationException("HaLbDeploy.sln not found");
    }

    /// <summary>A temporary inventory: the example with exact pieces of text replaced.</summary>
    public static string ExampleWith(params (string Find, string Replace)[] edits)
    {
        var text = File.ReadAllText(RepositoryFile("inventory/example.yaml"));
        foreach (var (find, replace) in edits)
        {
            Assert.Contains(find, text);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        var path = Path.Combine(Path.GetTempPath(), $"halb-cli-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
