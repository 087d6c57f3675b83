using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Cli.Tests.TestSupport;

/// <summary>Runs halb-deploy in-process and captures what it printed.</summary>
public static class CliRunner
{
    public const string Secret = "k8sVip01";

    /// <summary>Where <see cref="ExampleWith"/> writes; removed when the test process exits.</summary>
    private static readonly string TemporaryInventories = CreateTemporaryDirectory();

    static CliRunner() => Environment.SetEnvironmentVariable("HALB_VRRP_SECRET", Secret);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A temporary inventory: the example with exact pieces of text replaced.</summary>
    public static string ExampleWith(params (string Find, string Replace)[] edits) => InventoryWith("example", edits);

    /// <summary>inventory/NAME.yaml with exact pieces of text replaced, written to a temporary file.</summary>
    public static string InventoryWith(string name, params (string Find, string Replace)[] edits)
    {
        var text = File.ReadAllText(RepositoryRoot.Of($"inventory/{name}.yaml"));
        foreach (var (find, replace) in edits)
        {
            Assert.Contains(find, text);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        var path = Path.Combine(TemporaryInventories, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string CreateTemporaryDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("halb-cli-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return directory;
    }
}
