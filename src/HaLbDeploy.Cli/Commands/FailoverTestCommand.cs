using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Html;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// `halb-deploy failover-test`: fault one node, measure how the VIP moves and what clients see, restore the node,
/// measure the failback. Exit 0 every measurement within its bound, 1 failed (or the tier was unhealthy before),
/// 2 bad input, 130 interrupted (the node is restored first).
/// </summary>
public static class FailoverTestCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = SharedOptions.Inventory();
        var output = SharedOptions.Output();
        var verbose = SharedOptions.Verbose();
        var logFile = SharedOptions.LogFile();
        var acceptNew = SharedOptions.AcceptNewHostKeys();
        var node = new Option<string>("--node") { Required = true, Description = "The LB node to fault (its name in the inventory)." };
        var mode = new Option<string>("--mode")
        {
            DefaultValueFactory = _ => "stop",
            Description = "stop: systemctl stop keepalived (graceful, priority 0); kill-haproxy: SIGKILL to haproxy, restart held off until the restore; " +
                          "link-down and power-off: through --fault-command/--restore-command.",
        };
        mode.AcceptOnlyFromAmong([.. FailoverModeNames.All]);
        var faultCommand = new Option<string?>("--fault-command")
        {
            Description = "Run on this machine to cause the fault, e.g. 'lab/lab link-down {node}'; {node} and {address} are replaced (shell-quoted). Replaces the built-in action of any mode.",
        };
        var restoreCommand = new Option<string?>("--restore-command")
        {
            Description = "Run on this machine to undo the fault, e.g. 'lab/lab link-up {node}'. Always run after the fault, also on error or Ctrl+C.",
        };
        var report = new Option<FileInfo?>("--report") { Description = "Also write a self-contained HTML report with a timeline chart to this file." };

        var command = new Command("failover-test",
            """
            Fault one LB node and measure: when it gives the VIP up, when a backup has it, the longest gap in successful
            probes of the VIP from here (TCP + TLS GET every 50 ms) and any moment with two holders; then restore the node
            (always) and measure the failback. Each time is judged against the bound from the inventory's timers
            (3 x advert_int + skew for hard faults, the skew for a graceful stop, plus 0.5 s). Needs a healthy tier.
            Exit 0 passed, 1 failed, 2 bad input, 130 interrupted.
            """)
        {
            inventory, node, mode, faultCommand, restoreCommand, report, output, acceptNew, verbose, logFile,
        };
        command.Validators.Add(result =>
        {
            var fault = result.GetValue(faultCommand);
            var restore = result.GetValue(restoreCommand);
            if (string.IsNullOrWhiteSpace(fault) != string.IsNullOrWhiteSpace(restore))
                result.AddError("--fault-command and --restore-command go together: a fault needs its undoing");
            // The raw word: an unknown mode is already an error of its own (AcceptOnlyFromAmong), and GetValue would throw on it.
            var modeWord = result.GetResult(mode)?.Tokens.FirstOrDefault()?.Value ?? "stop";
            if (FailoverModeNames.TryParse(modeWord, out var m) && FailoverModeNames.NeedsHooks(m) && string.IsNullOrWhiteSpace(fault))
                result.AddError(
                    $"--mode {FailoverModeNames.Name(m)} needs --fault-command and --restore-command: a node cannot " +
                    (m == FailoverMode.LinkDown ? "take its own link down over SSH and bring it back (the session dies with the link)" : "cut its own power and switch it back on") +
                    $", so the fault is caused out of band from this machine, e.g. for the lab: --fault-command 'lab/lab {(m == FailoverMode.LinkDown ? "link-down" : "node-off")} {{node}}' " +
                    $"--restore-command 'lab/lab {(m == FailoverMode.LinkDown ? "link-up" : "node-on")} {{node}}'");
        });

        command.SetAction(async (parse, ct) =>
        {
            var json = parse.GetValue(output) == OutputFormat.Json;
            var load = InventoryGate.Load(parse.GetValue(inventory)!);
            ProblemsTextRenderer.Write(console.Error, load);
            if (load.Inventory is not { } valid) return ExitCodes.UsageError;
            var nodeName = parse.GetValue(node)!;
            if (valid.Nodes.All(n => n.Name != nodeName))
            {
                console.Error.WriteLine($"error: --node {nodeName}: no such node in {parse.GetValue(inventory)} (nodes: {string.Join(", ", valid.Nodes.Select(n => n.Name))})");
                return ExitCodes.UsageError;
            }
            FailoverModeNames.TryParse(parse.GetValue(mode)!, out var failoverMode);
            var hooks = parse.GetValue(faultCommand) is { Length: > 0 } f && parse.GetValue(restoreCommand) is { Length: > 0 } r ? new FaultHooks(f, r) : null;

            using var logger = Logging.Create(parse.GetValue(verbose), parse.GetValue(logFile));
            var progress = new ConsoleProgress(console.Error, logger);
            var connector = new SshHostConnector(new SshConnectorOptions { AcceptNewHostKeys = parse.GetValue(acceptNew), Logger = logger });
            await using var sessions = new NodeSessions(connector);
            var options = new FailoverTestOptions(nodeName, failoverMode, hooks);
            var verifyProbe = new TlsVipProbe(valid.Vip.Address, valid.FrontendPort, valid.HealthCheck.Path, VerifyCommand.ProbeTimeout);
            var probe = new TlsVipProbe(valid.Vip.Address, valid.FrontendPort, valid.HealthCheck.Path, options.ProbeTimeout);
            var runner = new FailoverTestRunner(valid, sessions, verifyProbe, probe, new ShellCommandRunner(), progress, TimeProvider.System, options, new ProcNetArpTable());
            var result = await runner.RunAsync(ct);

            if (json) FailoverJsonRenderer.Write(console.Out, result);
            else FailoverTextRenderer.Write(console.Out, result);
            if (parse.GetValue(report) is { } file)
            {
                LocalFiles.WriteWithMode(file.FullName, FailoverHtmlRenderer.Render(result), "644");
                progress.Report("report", "*", $"wrote {file}");
            }
            return result.Outcome switch
            {
                FailoverOutcome.Passed => ExitCodes.Ok,
                FailoverOutcome.Interrupted => ExitCodes.Interrupted,
                _ => ExitCodes.Failed,
            };
        });
        return command;
    }
}
