using System.CommandLine;
using HaLbDeploy.Cli.Output;

namespace HaLbDeploy.Cli.Commands;

/// <summary>The options of plan and apply, made fresh for each command.</summary>
public sealed class ConvergeCommandOptions
{
    public Option<FileInfo> Inventory { get; } = SharedOptions.Inventory();

    public Option<string?> SshConfig { get; } = SharedOptions.SshConfig();

    public Option<OutputFormat> Output { get; } = SharedOptions.Output();

    public Option<DirectoryInfo?> Templates { get; } = SharedOptions.Templates();

    public Option<bool> Verbose { get; } = SharedOptions.Verbose();

    public Option<FileInfo?> LogFile { get; } = SharedOptions.LogFile();

    public Option<bool> AcceptNewHostKeys { get; } = SharedOptions.AcceptNewHostKeys();

    public Option<int> Parallel { get; } = AtLeastOne(new Option<int>("--parallel")
    {
        DefaultValueFactory = _ => 8,
        Description = "How many nodes to connect to, read and stage at once (the rollout itself is one node at a time).",
    });

    public Option<int> HealthTimeout { get; } = new("--health-timeout")
    {
        DefaultValueFactory = _ => 30,
        Description = "Seconds to wait after each node for its services and exactly one VIP holder.",
    };

    public Option<int> CommandTimeout { get; } = AtLeastOne(new Option<int>("--command-timeout")
    {
        DefaultValueFactory = _ => 300,
        Description = "Seconds one script on a node may run before it is stopped and the node counts as failed.",
    });

    public Option<bool> Upgrade { get; } = new("--upgrade")
    {
        Description = "Also move keepalived and haproxy to the newer versions the nodes' repositories offer: backups first, the VIP holder last after handing the VIP over (one planned failover, measured). plan --upgrade shows which would move.",
    };

    /// <summary>apply's only: plan always is one.</summary>
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "The same as `plan`: show the changes, make none." };

    private static Option<int> AtLeastOne(Option<int> option)
    {
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"{option.Name} must be at least 1"); });
        return option;
    }
}
