using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Runtime.Apply;
using HaLbDeploy.Ssh;
using Spectre.Console;

namespace HaLbDeploy.Cli.Commands;

/// <summary>`halb-deploy plan` and `halb-deploy apply`: one code path, plan being apply that changes nothing.</summary>
public static class ConvergeCommand
{
    public static Command CreatePlan(CliConsole console) => Create(console, "plan",
        "Show what apply would change on each node, with unified diffs (secrets masked); changes nothing. Exit 0 nothing pending, 3 changes pending, 1 a node failed, 2 bad input.",
        alwaysDryRun: true);

    public static Command CreateApply(CliConsole console) => Create(console, "apply",
        "Converge every LB node: install keepalived and haproxy, validate and swap in the configs, start or reload the units, one node at a time with the VIP holder last. Exit 0 done, 1 failed, 2 bad input.",
        alwaysDryRun: false);

    private static Command Create(CliConsole console, string name, string description, bool alwaysDryRun)
    {
        var inventory = SharedOptions.Inventory();
        var output = SharedOptions.Output();
        var templates = SharedOptions.Templates();
        var verbose = SharedOptions.Verbose();
        var logFile = SharedOptions.LogFile();
        var acceptNew = SharedOptions.AcceptNewHostKeys();
        var parallel = new Option<int>("--parallel") { DefaultValueFactory = _ => 8, Description = "How many nodes to connect to, read and stage at once (the rollout itself is one node at a time)." };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--parallel must be at least 1"); });
        var healthTimeout = new Option<int>("--health-timeout") { DefaultValueFactory = _ => 30, Description = "Seconds to wait after each node for its services and exactly one VIP holder." };
        var commandTimeout = new Option<int>("--command-timeout") { DefaultValueFactory = _ => 300, Description = "Seconds one script on a node may run before it is stopped and the node counts as failed." };
        commandTimeout.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--command-timeout must be at least 1"); });
        var dryRun = new Option<bool>("--dry-run") { Description = "The same as `plan`: show the changes, make none." };

        var command = new Command(name, description) { inventory, output, templates, acceptNew, parallel, healthTimeout, commandTimeout, verbose, logFile };
        if (!alwaysDryRun) command.Options.Add(dryRun);
        command.SetAction(async (parse, ct) =>
        {
            var json = parse.GetValue(output) == OutputFormat.Json;
            var result = InventoryGate.Load(parse.GetValue(inventory)!);
            ProblemsTextRenderer.Write(console.Error, result);
            if (result.Inventory is not { } valid) return ExitCodes.UsageError;

            if (DesiredConfigurations.RenderOrReport(valid, parse.GetValue(templates), console.Error) is not { } desired) return ExitCodes.UsageError;

            var isDryRun = alwaysDryRun || parse.GetValue(dryRun);
            using var logger = Logging.Create(parse.GetValue(verbose), parse.GetValue(logFile));
            var connector = new SshHostConnector(new SshConnectorOptions
            {
                AcceptNewHostKeys = parse.GetValue(acceptNew),
                CommandTimeout = TimeSpan.FromSeconds(parse.GetValue(commandTimeout)),
                Logger = logger,
            });
            var options = new ConvergeOptions(isDryRun, parse.GetValue(parallel), TimeSpan.FromSeconds(parse.GetValue(healthTimeout)));
            ConvergeReport report;
            if (console.IsErrorTerminal && !json)
            {
                var live = new LiveProgress(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), valid.Nodes.Select(n => n.Name), logger);
                report = await live.ShowWhileAsync(() => new Converger(valid, desired, connector, live, TimeProvider.System, options).RunAsync(ct));
            }
            else
            {
                var progress = new ConsoleProgress(console.Error, logger);
                report = await new Converger(valid, desired, connector, progress, TimeProvider.System, options).RunAsync(ct);
            }

            if (json) ConvergeJsonRenderer.Write(console.Out, report, command: isDryRun ? "plan" : "apply");
            else ConvergeTextRenderer.Write(console.Out, report, showDiffs: isDryRun);
            if (ct.IsCancellationRequested) return ExitCodes.Interrupted;
            if (!report.Succeeded) return ExitCodes.Failed;
            return isDryRun && report.HasPendingChanges ? ExitCodes.ChangesPending : ExitCodes.Ok;
        });
        return command;
    }
}
