using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Cli.Output.Text;

/// <summary>An inventory's problems for people, as every command prints them to stderr: in file order, then a summary when there are errors.</summary>
public static class ProblemsTextRenderer
{
    public static void Write(TextWriter error, InventoryLoadResult result)
    {
        foreach (var problem in result.Problems) error.WriteLine(problem.ToString());
        var errors = result.Errors.Count();
        var warnings = result.Problems.Count - errors;
        if (errors > 0)
            error.WriteLine($"{Plural(errors, "error")}, {Plural(warnings, "warning")}: nothing was done, no host was touched.");
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
}
