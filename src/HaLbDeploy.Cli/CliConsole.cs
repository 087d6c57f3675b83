namespace HaLbDeploy.Cli;

/// <summary>Where a command writes: results to Out, diagnostics and progress to Error. Swapped for writers in tests.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.Out, Console.Error);
}
