using System.CommandLine;
using System.CommandLine.Parsing;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Cli.Commands;

/// <summary>failover-test's options, made fresh for each command, and the rules between them.</summary>
public sealed class FailoverTestCommandOptions
{
    public Option<FileInfo> Inventory { get; } = SharedOptions.Inventory();

    public Option<string?> SshConfig { get; } = SharedOptions.SshConfig();

    public Option<OutputFormat> Output { get; } = SharedOptions.Output();

    public Option<bool> Verbose { get; } = SharedOptions.Verbose();

    public Option<FileInfo?> LogFile { get; } = SharedOptions.LogFile();

    public Option<bool> AcceptNewHostKeys { get; } = SharedOptions.AcceptNewHostKeys();

    public Option<string?> ProbeFrom { get; } = SharedOptions.ProbeFrom();

    public Option<string> Node { get; } = new("--node") { Required = true, Description = "The LB node to fault (its name in the inventory)." };

    public Option<string> Mode { get; } = OneOfTheModes(new Option<string>("--mode")
    {
        DefaultValueFactory = _ => "stop",
        Description = "stop: systemctl stop keepalived (graceful, priority 0); kill-haproxy: SIGKILL to haproxy, restart held off until the restore; " +
                      "link-down and power-off: through --fault-command/--restore-command.",
    });

    public Option<string?> FaultCommand { get; } = new("--fault-command")
    {
        Description = "Run on this machine to cause the fault, e.g. 'lab/lab link-down {node}'; {node} and {address} are replaced (shell-quoted). Replaces the built-in action of any mode.",
    };

    public Option<string?> RestoreCommand { get; } = new("--restore-command")
    {
        Description = "Run on this machine to undo the fault, e.g. 'lab/lab link-up {node}'. Always run after the fault, also on error or Ctrl+C.",
    };

    public Option<FileInfo?> Report { get; } = new("--report") { Description = "Also write a self-contained HTML report with a timeline chart to this file." };

    /// <summary>A fault command needs its restore command and the other way round; link-down and power-off need both.</summary>
    public void Validate(CommandResult result)
    {
        var fault = result.GetValue(FaultCommand);
        var restore = result.GetValue(RestoreCommand);
        if (string.IsNullOrWhiteSpace(fault) != string.IsNullOrWhiteSpace(restore))
            result.AddError("--fault-command and --restore-command go together: a fault needs its undoing");
        // The raw word: an unknown mode is already an error of its own (AcceptOnlyFromAmong), and GetValue would throw on it.
        var modeWord = result.GetResult(Mode)?.Tokens.FirstOrDefault()?.Value ?? "stop";
        if (FailoverModeNames.TryParse(modeWord, out var mode) && FailoverModeNames.NeedsHooks(mode) && string.IsNullOrWhiteSpace(fault))
            result.AddError(NeedsHooks(mode));
    }

    private static string NeedsHooks(FailoverMode mode)
    {
        var linkDown = mode == FailoverMode.LinkDown;
        return $"--mode {FailoverModeNames.Name(mode)} needs --fault-command and --restore-command: a node cannot " +
               (linkDown ? "take its own link down over SSH and bring it back (the session dies with the link)" : "cut its own power and switch it back on") +
               $", so the fault is caused out of band from this machine, e.g. for the lab: --fault-command 'lab/lab {(linkDown ? "link-down" : "node-off")} {{node}}' " +
               $"--restore-command 'lab/lab {(linkDown ? "link-up" : "node-on")} {{node}}'";
    }

    private static Option<string> OneOfTheModes(Option<string> option)
    {
        option.AcceptOnlyFromAmong([.. FailoverModeNames.All]);
        return option;
    }
}
