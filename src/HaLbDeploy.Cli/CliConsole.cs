namespace HaLbDeploy.Cli;

/// <summary>Where a command writes: results to Out, diagnostics and progress to Error. Swapped for writers in tests.</summary>
/// <param name="IsErrorTerminal">stderr is a terminal a person watches: progress may redraw in place.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsErrorTerminal = false)
{
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
