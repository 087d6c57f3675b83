using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Drain;
using HaLbDeploy.Runtime.Drain;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// `halb-deploy drain` and `undrain`: take one API server out of rotation on every node's haproxy for maintenance,
/// through the admin socket (no reload), and put it back. Exit 0 done, 1 failed on a node, 2 bad input,
/// 4 drain timed out with sessions left (the server stays drained), 130 interrupted.
/// </summary>
public static class DrainCommand
{
    private const string DrainDescription = """
        Take one API server out of rotation for maintenance: on every LB node, haproxy's admin socket sets it to
        drain (no new connections; open ones go on; no reload, nothing written). Then wait until no node has a session
        open to it, or --timeout. The state lives in haproxy's memory: a reload or restart of haproxy (apply, when
        haproxy.cfg changes) puts the server back; see docs/operations.md. Holds the tier's run lock while it works.
        Exit 0 drained with no session left, 1 failed on a node, 2 bad input, 4 timed out with sessions left (still drained), 130 interrupted.
        """;

    private const string UndrainDescription = """
        Put an API server back into rotation after drain: on every LB node, haproxy's admin socket sets it to ready
        (no reload). It takes traffic again as soon as its health check passes.
        Exit 0 done, 1 failed on a node, 2 bad input, 130 interrupted.
        """;

    public static Command CreateDrain(CliConsole console) => Create(console, ServerAdminState.Drain);

    public static Command CreateUndrain(CliConsole console) => Create(console, ServerAdminState.Ready);

    private static Command Create(CliConsole console, ServerAdminState state)
    {
        var options = new DrainCommandOptions();
        var draining = state == ServerAdminState.Drain;
        var command = new Command(draining ? "drain" : "undrain", draining ? DrainDescription : UndrainDescription)
        {
            options.Inventory, options.SshConfig, options.Backend, options.Output, options.AcceptNewHostKeys, options.Verbose, options.LogFile,
        };
        if (draining) command.Options.Add(options.Timeout);
        command.Validators.Add(options.Validate);
        command.SetAction((parse, ct) => RunAsync(console, parse, options, state, ct));
        return command;
    }

    /// <summary>The exit code of each outcome.</summary>
    public static int ExitCodeOf(DrainOutcome outcome) => outcome switch
    {
        DrainOutcome.Done => ExitCodes.Ok,
        DrainOutcome.SessionsRemain => ExitCodes.SessionsRemain,
        DrainOutcome.Interrupted => ExitCodes.Interrupted,
        _ => ExitCodes.Failed,
    };

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, DrainCommandOptions options, ServerAdminState state, CancellationToken ct)
    {
        var file = parse.GetValue(options.Inventory)!;
        if (await InventoryGate.LoadOrReportAsync(file, console.Error, ct, InventoryGate.ForNodes(parse.GetValue(options.SshConfig))) is not { } inventory) return InventoryGate.ExitCodeWithout(ct);
        var backend = parse.GetValue(options.Backend)!;
        if (inventory.AllBackends.All(b => b.Name != backend))
        {
            console.Error.WriteLine($"error: --backend {backend}: no such backend in {file} (backends: {string.Join(", ", inventory.AllBackends.Select(b => b.Name).Distinct())})");
            return ExitCodes.UsageError;
        }
        using var logger = Logging.Create(parse.GetValue(options.Verbose), parse.GetValue(options.LogFile));
        var connector = new SshHostConnector(new SshConnectorOptions { AcceptNewHostKeys = parse.GetValue(options.AcceptNewHostKeys), Logger = logger });
        await using var sessions = new NodeSessions(connector);
        var timeout = state == ServerAdminState.Drain ? options.TimeoutOf(parse) : TimeSpan.Zero;
        var runner = new DrainRunner(inventory, sessions, new ConsoleProgress(console.Error, logger), TimeProvider.System, new DrainOptions(backend, state, timeout));
        var report = await runner.RunAsync(ct);
        if (parse.GetValue(options.Output) == OutputFormat.Json) DrainJsonRenderer.Write(console.Out, report);
        else DrainTextRenderer.Write(console.Out, report);
        return ExitCodeOf(report.Outcome);
    }
}
