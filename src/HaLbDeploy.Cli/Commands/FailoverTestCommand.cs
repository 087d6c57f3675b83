using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Html;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
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
    private const string Description = """
        Fault one LB node and measure: when it gives the VIP up, when a backup has it, the longest gap in successful
        probes of the VIP from here (TCP + TLS GET every 50 ms) and any moment with two holders; then restore the node
        (always) and measure the failback. Each time is judged against the bound from the inventory's timers
        (3 x advert_int + skew for hard faults, the skew for a graceful stop, plus 0.5 s). Needs a healthy tier.
        Exit 0 passed, 1 failed, 2 bad input, 130 interrupted.
        """;

    public static Command Create(CliConsole console)
    {
        var options = new FailoverTestCommandOptions();
        var command = new Command("failover-test", Description)
        {
            options.Inventory, options.SshConfig, options.Node, options.Mode, options.FaultCommand, options.RestoreCommand, options.Report, options.Output, options.AcceptNewHostKeys, options.ProbeFrom, options.Verbose, options.LogFile,
        };
        command.Validators.Add(options.Validate);
        command.SetAction((parse, ct) => RunAsync(console, parse, options, ct));
        return command;
    }

    /// <summary>Prints the test's answer: as JSON, or for people.</summary>
    internal static void Print(TextWriter output, FailoverTestReport report, OutputFormat format)
    {
        if (format == OutputFormat.Json) FailoverJsonRenderer.Write(output, report);
        else FailoverTextRenderer.Write(output, report);
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, FailoverTestCommandOptions options, CancellationToken ct)
    {
        var format = parse.GetValue(options.Output);
        if (await InventoryGate.LoadOrReportAsync(parse.GetValue(options.Inventory)!, console.Error, ct, InventoryGate.ForNodes(parse.GetValue(options.SshConfig))) is not { } inventory) return InventoryGate.ExitCodeWithout(ct);
        var nodeName = parse.GetValue(options.Node)!;
        if (inventory.Nodes.All(n => n.Name != nodeName))
        {
            console.Error.WriteLine($"error: --node {nodeName}: no such node in {parse.GetValue(options.Inventory)} (nodes: {string.Join(", ", inventory.Nodes.Select(n => n.Name))})");
            return ExitCodes.UsageError;
        }
        var measured = MeasuredVip.Choose(inventory, nodeName);
        if (MeasuredVip.Unmeasurable(inventory, measured) is { } why)
        {
            console.Error.WriteLine($"error: --node {nodeName}: {why}");
            return ExitCodes.UsageError;
        }
        var vipList = inventory.VipList is not null;
        inventory = MeasuredVip.View(inventory, measured);
        FailoverModeNames.TryParse(parse.GetValue(options.Mode)!, out var mode);
        var hooks = parse.GetValue(options.FaultCommand) is { Length: > 0 } f && parse.GetValue(options.RestoreCommand) is { Length: > 0 } r ? new FaultHooks(f, r) : null;

        using var logger = Logging.Create(parse.GetValue(options.Verbose), parse.GetValue(options.LogFile));
        var progress = new ConsoleProgress(console.Error, logger);
        if (vipList) progress.Report("vips", nodeName, $"measuring the VIP {measured.Name} ({string.Join(" + ", measured.Addresses)}, router id {measured.VirtualRouterId})");
        var connector = new SshHostConnector(new SshConnectorOptions { AcceptNewHostKeys = parse.GetValue(options.AcceptNewHostKeys), Logger = logger });
        await using var sessions = new NodeSessions(connector);
        var (source, failed) = await VipProbeSource.OpenAsync(inventory, connector, parse.GetValue(options.ProbeFrom), console.Error, ct);
        if (source is null) return failed;
        using var probeSource = source;
        var testOptions = new FailoverTestOptions(nodeName, mode, hooks);
        var others = source.SyncGroupProbes(MeasuredVip.OtherAddresses(measured), testOptions.ProbeTimeout);
        if (others.Count < MeasuredVip.OtherAddresses(measured).Count)
            progress.Warn("vips", nodeName, $"--probe-from forwards to {inventory.Vip.Address} only: {string.Join(", ", MeasuredVip.OtherAddresses(measured))} not measured (verify checks the sync group before and after)");
        var result = await RunnerFor(inventory, sessions, progress, source, testOptions, others).RunAsync(ct);

        Print(console.Out, result, format);
        if (parse.GetValue(options.Report) is { } file)
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
    }

    /// <summary>The runner with its two probes of the VIP: verify's before and after the test, and the fast one during it.</summary>
    private static FailoverTestRunner RunnerFor(Inventory inventory, NodeSessions sessions, IRunProgress progress, VipProbeSource source, FailoverTestOptions options,
        IReadOnlyList<(System.Net.IPAddress Address, IVipProbe Probe)> otherAddresses)
    {
        var verifyProbe = source.Probe(VerifyCommand.ProbeTimeout);
        var probe = source.Probe(options.ProbeTimeout);
        return new FailoverTestRunner(inventory, sessions, verifyProbe, probe, new ShellCommandRunner(), progress, TimeProvider.System, options, new ProcNetArpTable(), otherAddresses);
    }
}
