using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Verification;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Runtime.Verify;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// `halb-deploy verify`: the truth about the tier, read-only. Exit 0 healthy, 1 unhealthy (with --watch: any round
/// unhealthy), 2 bad input, 130 interrupted.
/// </summary>
public static class VerifyCommand
{
    /// <summary>How long the control host's probe of the VIP may take.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private const string Description = """
        Check the tier as it is: per node over SSH (read-only) keepalived and haproxy enabled and active, the VRRP state
        (derived: MASTER = holds the VIP), whether it holds the VIP, and the backends as haproxy sees them (stats socket);
        from here a TCP connect and a TLS GET of the health path through the VIP. Healthy only when exactly one node holds
        the VIP, every node's services are up, each haproxy has a backend UP and the VIP answers.
        Exit 0 healthy, 1 unhealthy (with --watch: any round), 2 bad input.
        """;

    public static Command Create(CliConsole console)
    {
        var options = new VerifyCommandOptions();
        var command = new Command("verify", Description)
        {
            options.Inventory, options.SshConfig, options.Output, options.Watch, options.Interval, options.Count, options.AcceptNewHostKeys, options.ProbeFrom, options.Verbose, options.LogFile,
        };
        command.Validators.Add(options.Validate);
        command.SetAction((parse, ct) => RunAsync(console, parse, options, ct));
        return command;
    }

    /// <summary>Prints one round: as JSON (one line per round when watching), or for people (under a round header when watching).</summary>
    /// <param name="round">The round's number with --watch; null for a single verify.</param>
    internal static void PrintRound(TextWriter output, VerificationReport report, OutputFormat format, int? round)
    {
        if (format == OutputFormat.Json)
        {
            VerifyJsonRenderer.Write(output, report, oneLine: round is not null);
            return;
        }
        if (round is { } number) VerifyTextRenderer.WriteRound(output, report, number);
        else VerifyTextRenderer.Write(output, report);
        output.Flush(); // a person watching sees each round as it comes
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, VerifyCommandOptions options, CancellationToken ct)
    {
        var format = parse.GetValue(options.Output);
        if (await InventoryGate.LoadOrReportAsync(parse.GetValue(options.Inventory)!, console.Error, ct, InventoryGate.ForNodes(parse.GetValue(options.SshConfig))) is not { } inventory) return InventoryGate.ExitCodeWithout(ct);
        var watching = parse.GetValue(options.Watch);
        using var logger = Logging.Create(parse.GetValue(options.Verbose), parse.GetValue(options.LogFile));
        var connector = new SshHostConnector(new SshConnectorOptions { AcceptNewHostKeys = parse.GetValue(options.AcceptNewHostKeys), Logger = logger });
        await using var sessions = new NodeSessions(connector);
        var (source, failed) = await VipProbeSource.OpenAsync(inventory, connector, parse.GetValue(options.ProbeFrom), console.Error, ct);
        if (source is null) return failed;
        using var probeSource = source;
        var verifier = new Verifier(inventory, sessions, source.Probe(ProbeTimeout), TimeProvider.System, new ProcNetArpTable(), source.OtherFrontends(ProbeTimeout), source.OtherVipProbes(ProbeTimeout));
        return await WatchLoop.RunAsync(options.Rounds(parse), options.Every(parse), watching, verifier.VerifyAsync, r => r.Healthy,
            (report, round) => PrintRound(console.Out, report, format, round), ct);
    }
}
