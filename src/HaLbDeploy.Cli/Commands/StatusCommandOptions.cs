using System.CommandLine;
using HaLbDeploy.Cli.Output;

namespace HaLbDeploy.Cli.Commands;

/// <summary>status's options, made fresh for each command.</summary>
public sealed class StatusCommandOptions
{
    /// <summary>A watch without --count stops after this many rounds (two hours at the default interval).</summary>
    public const int DefaultWatchRounds = 3600;

    public Option<FileInfo> Inventory { get; } = SharedOptions.Inventory();

    public Option<string?> SshConfig { get; } = SharedOptions.SshConfig();

    public Option<OutputFormat> Output { get; } = SharedOptions.Output();

    public Option<bool> Verbose { get; } = SharedOptions.Verbose();

    public Option<FileInfo?> LogFile { get; } = SharedOptions.LogFile();

    public Option<bool> AcceptNewHostKeys { get; } = SharedOptions.AcceptNewHostKeys();

    public WatchOptions Watching { get; } = new("Read the status", DefaultWatchRounds);
}
