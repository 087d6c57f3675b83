using System.CommandLine;
using System.CommandLine.Parsing;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Cli.Commands;

/// <summary>--watch, --interval and --count, shared by verify and status, and the rules between them.</summary>
public sealed class WatchOptions(string what, int? defaultCount = null)
{
    public Option<bool> Watch { get; } = new("--watch", "-w")
    {
        Description = $"{what} again every --interval until Ctrl+C (or --count rounds{(defaultCount is { } n ? $", {n} by default" : "")}); with --output json, one JSON object per line and round.",
    };

    public Option<string> Interval { get; } = new("--interval") { DefaultValueFactory = _ => "2s", Description = "Time between rounds with --watch, e.g. 500ms, 2s, 1m." };

    public Option<int?> Count { get; } = new("--count", "-n") { Description = "With --watch: stop after this many rounds." };

    /// <summary>How many rounds to run: 1 without --watch, else --count, else the default bound (none for verify).</summary>
    public int Rounds(ParseResult parse) => parse.GetValue(Watch) ? parse.GetValue(Count) ?? defaultCount ?? int.MaxValue : 1;

    public TimeSpan Every(ParseResult parse) =>
        (Duration.TryParse(parse.GetValue(Interval) ?? "2s", out var every) ? every : Duration.FromSeconds(2)).AsTimeSpan;

    /// <summary>A bad --interval or --count, and either of them without --watch, are usage errors.</summary>
    public void Validate(CommandResult result)
    {
        if (result.GetResult(Interval) is { Implicit: false } && result.GetValue(Interval) is var text &&
            (text is null || !Duration.TryParse(text, out var every) || every.Milliseconds < 100))
            result.AddError($"--interval '{text}' is not a duration of at least 100ms (e.g. 500ms, 2s, 1m)");
        if (result.GetValue(Count) is < 1) result.AddError("--count must be at least 1");
        var watching = result.GetValue(Watch);
        if (!watching && result.GetResult(Count) is { Implicit: false }) result.AddError("--count needs --watch");
        if (!watching && result.GetResult(Interval) is { Implicit: false }) result.AddError("--interval needs --watch");
    }
}
