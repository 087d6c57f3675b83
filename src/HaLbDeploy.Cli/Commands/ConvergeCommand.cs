using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Apply;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Ssh;
using Serilog;
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

    /// <summary>Prints the run's answer: as JSON, or per node for people (plan with its diffs).</summary>
    internal static void Print(TextWriter output, ConvergeReport report, OutputFormat format, bool isDryRun)
    {
        if (format == OutputFormat.Json) ConvergeJsonRenderer.Write(output, report, command: isDryRun ? "plan" : "apply");
        else ConvergeTextRenderer.Write(output, report, showDiffs: isDryRun);
    }

    private static Command Create(CliConsole console, string name, string description, bool alwaysDryRun)
    {
        var options = new ConvergeCommandOptions();
        var command = new Command(name, description)
        {
            options.Inventory, options.SshConfig, options.Output, options.Templates, options.AcceptNewHostKeys, options.Parallel, options.HealthTimeout, options.CommandTimeout, options.Upgrade, options.Verbose, options.LogFile,
        };
        if (!alwaysDryRun) command.Options.Add(options.DryRun);
        command.SetAction((parse, ct) => RunAsync(console, parse, options, isDryRun: alwaysDryRun || parse.GetValue(options.DryRun), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, ConvergeCommandOptions options, bool isDryRun, CancellationToken ct)
    {
        var format = parse.GetValue(options.Output);
        if (await InventoryGate.LoadOrReportAsync(parse.GetValue(options.Inventory)!, console.Error, ct, InventoryGate.ForNodes(parse.GetValue(options.SshConfig))) is not { } inventory) return InventoryGate.ExitCodeWithout(ct);
        var templates = parse.GetValue(options.Templates);
        // Templates of the user's are rendered before any node is dialled: a broken one is bad input, and no host is touched.
        var desired = templates is null ? null : DesiredConfigurations.RenderOrReport(inventory, templates, console.Error);
        if (templates is not null && desired is null) return ExitCodes.UsageError;

        using var logger = Logging.Create(parse.GetValue(options.Verbose), parse.GetValue(options.LogFile));
        var ssh = new SshHostConnector(new SshConnectorOptions
        {
            AcceptNewHostKeys = parse.GetValue(options.AcceptNewHostKeys),
            CommandTimeout = TimeSpan.FromSeconds(parse.GetValue(options.CommandTimeout)),
            Logger = logger,
        });
        var renderer = DesiredConfigurations.Renderer(templates);
        var convergeOptions = new ConvergeOptions(isDryRun, parse.GetValue(options.Parallel), TimeSpan.FromSeconds(parse.GetValue(options.HealthTimeout)))
        {
            RenderWithFacts = (node, facts) => renderer.Render(inventory, node, facts),
            Upgrade = parse.GetValue(options.Upgrade),
        };
        // With the built-in templates the connects start first and overlap the rendering (docs/performance.md).
        await using var connector = EagerHostConnector.Start(ssh, inventory.Nodes, convergeOptions.Parallelism, ct);
        desired ??= DesiredConfigurations.RenderOrReport(inventory, null, console.Error);
        if (desired is null) return ExitCodes.UsageError;
        var report = await ShowingProgressAsync(console, format, inventory, logger,
            progress => new Converger(inventory, desired, connector, progress, TimeProvider.System, convergeOptions).RunAsync(ct));

        Print(console.Out, report, format, isDryRun);
        if (ct.IsCancellationRequested) return ExitCodes.Interrupted;
        if (!report.Succeeded) return ExitCodes.Failed;
        return isDryRun && (report.HasPendingChanges || report.HasPendingUpgrades) ? ExitCodes.ChangesPending : ExitCodes.Ok;
    }

    /// <summary>Runs the rollout with a live table per node on a terminal a person watches (and text output), plain progress lines otherwise.</summary>
    private static async Task<ConvergeReport> ShowingProgressAsync(
        CliConsole console, OutputFormat format, Inventory inventory, ILogger logger, Func<IRunProgress, Task<ConvergeReport>> run)
    {
        if (console.IsErrorTerminal && format != OutputFormat.Json)
        {
            var live = new LiveProgress(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), inventory.Nodes.Select(n => n.Name), logger);
            return await live.ShowWhileAsync(() => run(live));
        }
        return await run(new ConsoleProgress(console.Error, logger));
    }
}
