using System.CommandLine;
using System.CommandLine.Parsing;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Cli.Commands;

/// <summary>verify's options, made fresh for each command, and the rules between them.</summary>
public sealed class VerifyCommandOptions
{
    public Option<FileInfo> Inventory { get; } = SharedOptions.Inventory();

    public Option<string?> SshConfig { get; } = SharedOptions.SshConfig();

    public Option<OutputFormat> Output { get; } = SharedOptions.Output();

    public Option<bool> Verbose { get; } = SharedOptions.Verbose();

    public Option<FileInfo?> LogFile { get; } = SharedOptions.LogFile();

    public Option<bool> AcceptNewHostKeys { get; } = SharedOptions.AcceptNewHostKeys();

    public Option<string?> ProbeFrom { get; } = SharedOptions.ProbeFrom();

    public Option<bool> Watch { get; } = new("--watch", "-w")
    {
        Description = "Verify again every --interval until Ctrl+C (or --count rounds); with --output json, one JSON object per line and round.",
    };

    public Option<string> Interval { get; } = new("--interval") { DefaultValueFactory = _ => "2s", Description = "Time between rounds with --watch, e.g. 500ms, 2s, 1m." };

    public Option<int?> Count { get; } = new("--count", "-n") { Description = "With --watch: stop after this many rounds." };

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
