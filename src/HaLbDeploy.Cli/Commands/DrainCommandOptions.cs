using System.CommandLine;
using System.CommandLine.Parsing;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Cli.Commands;

/// <summary>drain's and undrain's options, made fresh for each command; --timeout only for drain.</summary>
public sealed class DrainCommandOptions
{
    public Option<FileInfo> Inventory { get; } = SharedOptions.Inventory();

    public Option<string?> SshConfig { get; } = SharedOptions.SshConfig();

    public Option<OutputFormat> Output { get; } = SharedOptions.Output();

    public Option<bool> Verbose { get; } = SharedOptions.Verbose();

    public Option<FileInfo?> LogFile { get; } = SharedOptions.LogFile();

    public Option<bool> AcceptNewHostKeys { get; } = SharedOptions.AcceptNewHostKeys();

    public Option<string> Backend { get; } = new("--backend", "-b") { Required = true, Description = "The API server (its name under backends: in the inventory)." };

    public Option<string> Timeout { get; } = new("--timeout")
    {
        DefaultValueFactory = _ => "5m",
        Description = "How long to wait for the server's open sessions to end on every node, e.g. 30s, 5m; 0 does not wait.",
    };

    /// <summary>--timeout as a time span; call only after <see cref="Validate"/> passed.</summary>
    public TimeSpan TimeoutOf(ParseResult parse) =>
        parse.GetValue(Timeout) is "0" ? TimeSpan.Zero : Duration.TryParse(parse.GetValue(Timeout) ?? "5m", out var limit) ? limit.AsTimeSpan : TimeSpan.FromMinutes(5);

    public void Validate(CommandResult result)
    {
        if (result.GetResult(Timeout) is { Implicit: false } && result.GetValue(Timeout) is var text && text != "0" && (text is null || !Duration.TryParse(text, out _)))
            result.AddError($"--timeout '{text}' is not a duration (e.g. 30s, 5m, or 0 not to wait)");
    }
}
