using HaLbDeploy.Core.Model;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Cli.Commands;

/// <summary>Loads the inventory and prints its problems; commands go on only with a valid inventory.</summary>
public static class InventoryGate
{
    /// <summary>Loads the file; problems name it as the user wrote it on the command line.</summary>
    public static InventoryLoadResult Load(FileInfo file) => new InventoryLoader(SystemInventoryEnvironment.Instance).LoadFile(file.ToString());

    /// <summary>Prints every problem (errors and warnings) to stderr in file order, and a summary when there are errors.</summary>
    public static void PrintProblems(InventoryLoadResult result, TextWriter error)
    {
        foreach (var problem in result.Problems) error.WriteLine(problem.ToString());
        var errors = result.Errors.Count();
        var warnings = result.Problems.Count - errors;
        if (errors > 0)
            error.WriteLine($"{Plural(errors, "error")}, {Plural(warnings, "warning")}: nothing was done, no host was touched.");
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
}
