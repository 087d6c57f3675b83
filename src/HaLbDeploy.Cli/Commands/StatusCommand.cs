using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Status;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Status;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// `halb-deploy status`: who holds the VIP since when, how often it moved, every node's VRRP history and its
/// haproxy's servers; one read-only script per node. Exit 0 healthy, 1 a problem (with --watch: in any round),
/// 2 bad input, 130 interrupted.
/// </summary>
public static class StatusCommand
{
    private const string Description = """
        Show the tier as the nodes see it, read-only, one SSH read per node: which node holds the VIP and since when,
        each node's VRRP transitions (recorded by the notify script apply installs, in /var/lib/halb-deploy), how often
        each took the VIP in the last hour and day (flapping: 3 times or more in an hour), and each haproxy's backend
        servers with their state, last change and current sessions (stats socket). Unlike verify it does not probe the
        VIP from here. Problems: not exactly one VIP holder, a node not read, keepalived or haproxy not active, a node
        flapping, a haproxy with no server up.
        Exit 0 no problem, 1 a problem (with --watch: in any round), 2 bad input, 130 interrupted.
        """;

    public static Command Create(CliConsole console)
    {
        var options = new StatusCommandOptions();
        var command = new Command("status", Description)
        {
            options.Inventory, options.SshConfig, options.Output, options.Watching.Watch, options.Watching.Interval, options.Watching.Count,
            options.AcceptNewHostKeys, options.Verbose, options.LogFile,
        };
        command.Validators.Add(options.Watching.Validate);
        command.SetAction((parse, ct) => RunAsync(console, parse, options, ct));
        return command;
    }

    /// <summary>Prints one round: as JSON (one line per round when watching), or for people (under a round header when watching).</summary>
    internal static void PrintRound(TextWriter output, TierStatusReport report, OutputFormat format, int? round)
    {
        if (format == OutputFormat.Json)
        {
            StatusJsonRenderer.Write(output, report, oneLine: round is not null);
            return;
        }
        if (round is { } number) output.WriteLine($"--- round {number} at {report.At.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
        StatusTextRenderer.Write(output, report);
        if (round is not null) output.WriteLine();
        output.Flush();
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, StatusCommandOptions options, CancellationToken ct)
    {
        var format = parse.GetValue(options.Output);
        if (await InventoryGate.LoadOrReportAsync(parse.GetValue(options.Inventory)!, console.Error, ct, InventoryGate.ForNodes(parse.GetValue(options.SshConfig))) is not { } inventory) return InventoryGate.ExitCodeWithout(ct);
        using var logger = Logging.Create(parse.GetValue(options.Verbose), parse.GetValue(options.LogFile));
        var connector = new SshHostConnector(new SshConnectorOptions { AcceptNewHostKeys = parse.GetValue(options.AcceptNewHostKeys), Logger = logger });
        await using var sessions = new NodeSessions(connector);
        var reader = new StatusReader(inventory, sessions, TimeProvider.System);
        return await WatchLoop.RunAsync(options.Watching.Rounds(parse), options.Watching.Every(parse), parse.GetValue(options.Watching.Watch),
            reader.ReadAsync, r => r.Healthy, (report, round) => PrintRound(console.Out, report, format, round), ct);
    }
}
