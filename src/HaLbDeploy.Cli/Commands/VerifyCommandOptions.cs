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

    private readonly WatchOptions _watch = new("Verify");

    public Option<bool> Watch => _watch.Watch;

    public Option<string> Interval => _watch.Interval;

    public Option<int?> Count => _watch.Count;

    public int Rounds(ParseResult parse) => _watch.Rounds(parse);

    public TimeSpan Every(ParseResult parse) => _watch.Every(parse);

    /// <summary>A bad --interval or --count, and either of them without --watch, are usage errors.</summary>
    public void Validate(CommandResult result) => _watch.Validate(result);
}
