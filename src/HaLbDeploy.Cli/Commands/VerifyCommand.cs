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

    public static Command Create(CliConsole console)
    {
        var inventory = SharedOptions.Inventory();
        var output = SharedOptions.Output();
        var verbose = SharedOptions.Verbose();
        var logFile = SharedOptions.LogFile();
        var acceptNew = SharedOptions.AcceptNewHostKeys();
        var watch = new Option<bool>("--watch", "-w") { Description = "Verify again every --interval until Ctrl+C (or --count rounds); with --output json, one JSON object per line and round." };
        var interval = new Option<string>("--interval") { DefaultValueFactory = _ => "2s", Description = "Time between rounds with --watch, e.g. 500ms, 2s, 1m." };
        var count = new Option<int?>("--count", "-n") { Description = "With --watch: stop after this many rounds." };

        var command = new Command("verify",
            """
            Check the tier as it is: per node over SSH (read-only) keepalived and haproxy enabled and active, the VRRP state
            (derived: MASTER = holds the VIP), whether it holds the VIP, and the backends as haproxy sees them (stats socket);
            from here a TCP connect and a TLS GET of the health path through the VIP. Healthy only when exactly one node holds
            the VIP, every node's services are up, each haproxy has a backend UP and the VIP answers.
            Exit 0 healthy, 1 unhealthy (with --watch: any round), 2 bad input.
            """)
        {
            inventory, output, watch, interval, count, acceptNew, verbose, logFile,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(interval) is { Implicit: false } && result.GetValue(interval) is var text &&
                (text is null || !Duration.TryParse(text, out var every) || every.Milliseconds < 100))
                result.AddError($"--interval '{text}' is not a duration of at least 100ms (e.g. 500ms, 2s, 1m)");
            if (result.GetValue(count) is < 1) result.AddError("--count must be at least 1");
            var watching = result.GetValue(watch);
            if (!watching && result.GetResult(count) is { Implicit: false }) result.AddError("--count needs --watch");
            if (!watching && result.GetResult(interval) is { Implicit: false }) result.AddError("--interval needs --watch");
        });

        command.SetAction(async (parse, ct) =>
        {
            var json = parse.GetValue(output) == OutputFormat.Json;
            var load = InventoryGate.Load(parse.GetValue(inventory)!);
            ProblemsTextRenderer.Write(console.Error, load);
            if (load.Inventory is not { } valid) return ExitCodes.UsageError;
            if (!Duration.TryParse(parse.GetValue(interval) ?? "2s", out var every)) every = Duration.FromSeconds(2);

            using var logger = Logging.Create(parse.GetValue(verbose), parse.GetValue(logFile));
            var connector = new SshHostConnector(new SshConnectorOptions { AcceptNewHostKeys = parse.GetValue(acceptNew), Logger = logger });
            await using var sessions = new NodeSessions(connector);
            var probe = new TlsVipProbe(valid.Vip.Address, valid.FrontendPort, valid.HealthCheck.Path, ProbeTimeout);
            var verifier = new Verifier(valid, sessions, probe, TimeProvider.System, new ProcNetArpTable());
            var watching = parse.GetValue(watch);
            var rounds = watching ? parse.GetValue(count) ?? int.MaxValue : 1;
            var allHealthy = true;
            try
            {
                for (var round = 1; round <= rounds; round++)
                {
                    var report = await verifier.VerifyAsync(ct);
                    allHealthy &= report.Healthy;
                    Print(console.Out, report, json, watching, round);
                    if (round < rounds) await Task.Delay(every.AsTimeSpan, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return watching ? (allHealthy ? ExitCodes.Ok : ExitCodes.Failed) : ExitCodes.Interrupted;
            }
            return allHealthy ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static void Print(TextWriter output, VerificationReport report, bool json, bool watching, int round)
    {
        if (json)
        {
            VerifyJsonRenderer.Write(output, report, oneLine: watching);
            return;
        }
        if (watching) VerifyTextRenderer.WriteRound(output, report, round);
        else VerifyTextRenderer.Write(output, report);
        output.Flush();
    }
}
