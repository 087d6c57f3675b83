using System.Globalization;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Verify;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// failover-test: checks the tier is healthy, starts a VIP sampler on every node and a prober on the control host,
/// injects the fault, waits until a backup holds the VIP (or the phase's time is up), restores the node — always,
/// also after an error or Ctrl+C — waits for the failback the same way, verifies again, and hands the series to
/// <see cref="FailoverAnalyzer"/>. Every wait and loop is bounded by <see cref="FailoverTestOptions.MaxDuration"/>.
/// <paramref name="verifyProbe"/> is verify's patient probe; <paramref name="probe"/> the quick one probed every interval.
/// </summary>
public sealed class FailoverTestRunner(
    Inventory inventory,
    NodeSessions sessions,
    IVipProbe verifyProbe,
    IVipProbe probe,
    ILocalCommandRunner localCommands,
    IRunProgress progress,
    TimeProvider time,
    FailoverTestOptions options,
    INeighbourTable? neighbours = null)
{
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(250);
    private readonly List<string> _errors = [];

    public async Task<FailoverTestReport> RunAsync(CancellationToken cancellationToken)
    {
        var node = inventory.Nodes.FirstOrDefault(n => n.Name == options.NodeName)
            ?? throw new ArgumentException($"no node named {options.NodeName} in the inventory", nameof(options));
        var verifier = new Verifier(inventory, sessions, verifyProbe, time, neighbours);

        progress.Report("preflight", "*", "verify: the tier must be healthy before a fault is injected");
        VerificationReport before;
        try
        {
            before = await verifier.VerifyAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return Report(node, FailoverOutcome.Interrupted, "interrupted before any fault was injected", null, null, null, null, []);
        }
        if (!before.Healthy)
            return Report(node, FailoverOutcome.PreconditionFailed, $"not started: the tier is not healthy before the test: {before.Summary}", before, null, null, null, []);
        var holderBefore = before.VipHolders[0];
        progress.Report("preflight", "*", holderBefore == node.Name
            ? $"healthy; {node.Name} holds the VIP"
            : $"healthy; {holderBefore} holds the VIP, not {node.Name}: the test shows that the VIP does not move");

        IReadOnlyList<NodeClock> clocks;
        try
        {
            clocks = await ReadClocksAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return Report(node, FailoverOutcome.Interrupted, "interrupted before any fault was injected", before, null, null, null, []);
        }
        var scenario = new FailoverScenario(node.Name, options.Mode, holderBefore,
            inventory.Nodes.Select(n => new NodePriority(n.Name, n.Priority)).ToList(), VrrpTiming.From(inventory),
            options.SampleInterval, options.ProbeInterval, clocks.Max(c => c.Uncertainty));
        IFaultInjector injector = options.Hooks is { } hooks
            ? new CommandHookFaultInjector(hooks, node, localCommands, time)
            : new SshFaultInjector(options.Mode, async ct => await sessions.GetAsync(node, ct), time);

        FaultActionRecord? prepared = null;
        try
        {
            prepared = await injector.PrepareAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // nothing was prepared that the restore below would not undo
        }
        if (prepared is { Succeeded: false } || cancellationToken.IsCancellationRequested)
        {
            var undo = await injector.RestoreAsync(CancellationToken.None);
            if (!undo.Succeeded) _errors.Add($"undoing the preparation failed: {undo.Detail}");
            return cancellationToken.IsCancellationRequested
                ? Report(node, FailoverOutcome.Interrupted, "interrupted before the fault was injected; nothing was changed", before, null, null, null, clocks)
                : Report(node, FailoverOutcome.Failed, $"FAIL: {prepared!.Description}: {prepared.Detail}", before, null, null, null, clocks);
        }
        if (prepared is not null) progress.Report("failover", node.Name, prepared.Description);

        var loops = inventory.Nodes.Select(n => new NodeSamplerLoop(n, sessions, inventory.Vip.Address, options.SamplerRun, options.SampleInterval, time)).ToList();
        var faultedLoop = loops.Single(l => l.NodeName == node.Name);
        var prober = new VipProbeLoop(probe, options.ProbeInterval, time);
        var start = time.GetUtcNow();
        foreach (var loop in loops)
        {
            // A node the fault cuts off would take its sampler's output down with it: one run that ends before the fault.
            if (loop == faultedLoop && injector.CutsTheNodeOff)
                loop.StartWithOneRun(options.MaxDuration, options.Lead - TimeSpan.FromMilliseconds(300), inventory.Vip.Address, options.SampleInterval);
            else loop.Start(options.MaxDuration);
        }
        prober.Start(options.MaxDuration);

        FaultActionRecord? fault = null, restore = null;
        var interrupted = false;
        var broken = false;
        try
        {
            await Task.Delay(options.Lead, time, cancellationToken);
            progress.Report("failover", node.Name, $"fault ({FailoverModeNames.Name(options.Mode)}): {Describe(node, fault: true)}");
            fault = await injector.InjectAsync(cancellationToken);
            if (!fault.Succeeded) progress.Warn("failover", node.Name, $"the fault action failed: {fault.Detail}");
            cancellationToken.ThrowIfCancellationRequested();
            await WaitForFailoverAsync(scenario, loops, clocks, fault, injector.CutsTheNodeOff, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
            progress.Warn("failover", node.Name, "interrupted: restoring the node");
        }
        catch (Exception e)
        {
            broken = true;
            _errors.Add($"the failover phase broke off: {e.Message}");
            progress.Warn("failover", node.Name, $"the test broke off ({e.Message}): restoring the node");
        }
        finally
        {
            if (fault is not null || prepared is not null)
            {
                progress.Report("failback", node.Name, $"restore: {Describe(node, fault: false)}");
                restore = await injector.RestoreAsync(CancellationToken.None);
                if (!restore.Succeeded) progress.Warn("failback", node.Name, $"the restore action FAILED, check the node: {restore.Detail}");
                if (injector.CutsTheNodeOff) faultedLoop.ResumeOnNewConnection();
            }
        }

        if (fault is not null && restore is not null && !interrupted && !broken)
        {
            try
            {
                await WaitForFailbackAsync(scenario, loops, clocks, fault, restore, injector.CutsTheNodeOff, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                interrupted = true;
            }
        }

        // Every live node has a sampler run in flight now: the series of all of them reach this moment.
        var end = time.GetUtcNow();
        var probes = await prober.StopAsync();
        await Task.WhenAll(loops.Select(l => l.StopAsync(options.SamplerRun + TimeSpan.FromSeconds(2))));
        foreach (var loop in loops.Where(l => l.Errors.Count > 0))
            _errors.Add($"{loop.NodeName}: {loop.Errors.Count} sampler run(s) failed, first: {loop.Errors[0]}");

        VerificationReport? after = null;
        if (fault is not null)
        {
            progress.Report("verify", "*", "verify after the test");
            after = await VerifyUntilHealthyAsync(verifier, interrupted ? TimeSpan.FromSeconds(5) : options.AfterVerifyTimeout);
        }
        if (fault is null)
            return Report(node, FailoverOutcome.Interrupted, "interrupted before the fault was injected; nothing was changed", before, after, null, null, clocks);

        var samples = Samples(loops, clocks, options.Mode == FailoverMode.PowerOff && fault.Succeeded ? (node.Name, fault.CompletedAt) : null);
        var observation = new FailoverObservation(scenario, samples, probes, start, fault, restore, end,
            KeepalivedStartedAfter(faultedLoop, clocks.First(c => c.Node == node.Name), restore?.StartedAt ?? end));
        var analysis = FailoverAnalyzer.Analyze(observation);
        var (outcome, summary) = Verdict(analysis, after, interrupted);
        return Report(node, outcome, summary, before, after, observation, analysis, clocks);
    }

    private async Task WaitForFailoverAsync(FailoverScenario scenario, List<NodeSamplerLoop> loops, IReadOnlyList<NodeClock> clocks,
        FaultActionRecord fault, bool cutOff, CancellationToken cancellationToken)
    {
        var expected = scenario.ExpectedTakeover;
        var bound = FailoverBounds.Takeover(scenario.Mode, scenario.Timing, expected.Name, expected.Priority);
        var required = scenario.Nodes.Select(n => n.Name).Where(n => !cutOff || n != scenario.FaultedNode).ToList();
        var held = scenario.FaultedNodeHeldVip;
        var since = fault.StartedAt + (held ? TimeSpan.Zero : bound.Value);
        Func<IReadOnlyList<string>, bool> settled = held
            ? h => h.Count == 1 && h[0] != scenario.FaultedNode
            : h => h.Count == 1 && h[0] == scenario.HolderBefore;
        var deadline = fault.CompletedAt + 2 * bound.Value + options.PhaseSlack;
        var done = await WaitSettledAsync(scenario, loops, clocks, fault, required, since, settled, deadline, cancellationToken);
        var holders = CurrentHolders(Timeline(scenario, loops, clocks, fault), required);
        progress.Report("failover", "*", done
            ? $"settled: {string.Join(", ", holders)} holds the VIP"
            : $"not settled within {TimeText.Seconds(deadline - fault.StartedAt)}; restoring anyway");
    }

    private async Task WaitForFailbackAsync(FailoverScenario scenario, List<NodeSamplerLoop> loops, IReadOnlyList<NodeClock> clocks,
        FaultActionRecord fault, FaultActionRecord restore, bool cutOff, CancellationToken cancellationToken)
    {
        var timeline = Timeline(scenario, loops, clocks, fault);
        var atRestore = timeline.HoldersAt(restore.StartedAt);
        var holderAtRestore = atRestore.Count == 1 ? atRestore[0] : scenario.ExpectedTakeover.Name;
        var expected = scenario.ExpectedHolderAfterRestore(holderAtRestore);
        var bound = FailoverBounds.Failback(scenario.Mode, scenario.Timing, expected, scenario.PriorityOf(expected));
        var since = restore.CompletedAt + (expected == holderAtRestore ? bound.Value : TimeSpan.Zero);
        var deadline = restore.CompletedAt + 2 * bound.Value + options.PhaseSlack + (cutOff ? options.RestoreAllowance : TimeSpan.Zero);
        var required = scenario.Nodes.Select(n => n.Name).ToList();
        var done = await WaitSettledAsync(scenario, loops, clocks, fault, required, since, h => h.Count == 1 && h[0] == expected, deadline, cancellationToken);
        progress.Report("failback", "*", done
            ? $"settled: {expected} holds the VIP"
            : $"not settled within {TimeText.Seconds(deadline - restore.StartedAt)} ({expected} expected to hold the VIP)");
    }

    private async Task<bool> WaitSettledAsync(FailoverScenario scenario, List<NodeSamplerLoop> loops, IReadOnlyList<NodeClock> clocks, FaultActionRecord fault,
        IReadOnlyCollection<string> required, DateTimeOffset since, Func<IReadOnlyList<string>, bool> settled, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (time.GetUtcNow() < deadline)
        {
            await Task.Delay(SettlePoll, time, cancellationToken);
            if (SettleCheck.IsSettled(Timeline(scenario, loops, clocks, fault), required, since, options.StableFor, settled)) return true;
        }
        return false;
    }

    private static IReadOnlyList<string> CurrentHolders(HolderTimeline timeline, IReadOnlyList<string> required)
    {
        var covered = required.Select(timeline.LastSampleOf).Where(t => t is not null).Select(t => t!.Value).ToList();
        return covered.Count == 0 ? [] : timeline.HoldersAt(covered.Min());
    }

    private HolderTimeline Timeline(FailoverScenario scenario, List<NodeSamplerLoop> loops, IReadOnlyList<NodeClock> clocks, FaultActionRecord fault) =>
        new(scenario.Nodes.Select(n => n.Name),
            Samples(loops, clocks, scenario.Mode == FailoverMode.PowerOff && fault.Succeeded ? (scenario.FaultedNode, fault.CompletedAt) : null),
            FailoverAnalyzer.StaleAfterSamples * scenario.SampleInterval);

    /// <summary>All samples on the control host's clock; a powered-off node holds nothing from the moment its power is cut.</summary>
    private static List<HolderSample> Samples(List<NodeSamplerLoop> loops, IReadOnlyList<NodeClock> clocks, (string Node, DateTimeOffset At)? poweredOff)
    {
        var samples = new List<HolderSample>();
        foreach (var loop in loops)
        {
            var clock = clocks.First(c => c.Node == loop.NodeName);
            foreach (var (_, output) in loop.Outputs)
                samples.AddRange(output.Samples.Select(s => new HolderSample(loop.NodeName, clock.ToControlTime(s.EpochNanoseconds), s.HoldsVip)));
        }
        if (poweredOff is { } off) samples.Add(new HolderSample(off.Node, off.At, false, Inferred: true));
        return samples;
    }

    private static DateTimeOffset? KeepalivedStartedAfter(NodeSamplerLoop loop, NodeClock clock, DateTimeOffset after) =>
        loop.Outputs.Where(o => o.Output.KeepalivedStartedEpochMilliseconds is not null)
            .Select(o => clock.ToControlTimeFromMilliseconds(o.Output.KeepalivedStartedEpochMilliseconds!.Value))
            .Where(t => t >= after)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();

    /// <summary>Each node's clock offset: the best of three readings (the one with the shortest round trip).</summary>
    private async Task<IReadOnlyList<NodeClock>> ReadClocksAsync(CancellationToken cancellationToken)
    {
        var clocks = await Task.WhenAll(inventory.Nodes.Select(async node =>
        {
            NodeClock? best = null;
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    var reader = await sessions.GetAsync(node, cancellationToken);
                    var sent = time.GetUtcNow();
                    var result = await reader.ReadAsync("read clock", "date +%s%N\n", cancellationToken);
                    var received = time.GetUtcNow();
                    var digits = result.StandardOutput.Trim();
                    if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var ns) || digits.Length < 16) continue;
                    // The facts' midpoint method (NodeClockReading) at full precision: the node read its clock somewhere
                    // between sent and received, so the true offset lies within half the round trip of this estimate.
                    var nodeTime = DateTimeOffset.UnixEpoch.AddTicks(ns / 100);
                    var clock = new NodeClock(node.Name, nodeTime - (sent + (received - sent) / 2), (received - sent) / 2);
                    if (best is null || clock.Uncertainty < best.Uncertainty) best = clock;
                }
                catch (Exception e) when (e is HostConnectionException or TimeoutException or IOException)
                {
                    lock (_errors) _errors.Add($"{node.Name}: reading the clock failed: {e.Message}");
                }
            }
            if (best is null) lock (_errors) _errors.Add($"{node.Name}: clock offset unknown, taken as zero");
            return best ?? NodeClock.Same(node.Name);
        }));
        return clocks;
    }

    private async Task<VerificationReport> VerifyUntilHealthyAsync(Verifier verifier, TimeSpan timeout)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var report = await verifier.VerifyAsync(CancellationToken.None);
            if (report.Healthy || time.GetUtcNow() >= deadline) return report;
            await Task.Delay(TimeSpan.FromSeconds(1), time);
        }
    }

    private static (FailoverOutcome, string) Verdict(FailoverAnalysis analysis, VerificationReport? after, bool interrupted)
    {
        if (interrupted) return (FailoverOutcome.Interrupted, "interrupted; the node was restored" + (after is { Healthy: true } ? " and verify is OK" : ""));
        var failed = analysis.Failover.Measurements.Concat(analysis.Failback?.Measurements ?? []).FirstOrDefault(m => !m.Passed);
        if (failed is not null) return (FailoverOutcome.Failed, $"FAIL: {failed.Name}: {Value(failed)}{failed.Detail}");
        if (after is not { Healthy: true }) return (FailoverOutcome.Failed, $"FAIL: verify after the test: {after?.Summary ?? "not run"}");
        if (!analysis.Scenario.FaultedNodeHeldVip)
            return (FailoverOutcome.Passed, $"PASS: {analysis.Scenario.FaultedNode} did not hold the VIP ({analysis.Scenario.HolderBefore} did): the VIP did not move, clients saw no outage; verify OK after the test");
        var key = analysis.Failover.Measurements.FirstOrDefault(m => m.Name.EndsWith("took the VIP over", StringComparison.Ordinal))
                  ?? analysis.Failover.Measurements[0];
        var back = analysis.Failback?.Measurements.FirstOrDefault(m => m.Name.StartsWith("the VIP returned", StringComparison.Ordinal));
        var text = $"PASS: {Short(key)}" + (back is null ? "" : $"; {Short(back)}") + "; verify OK after the test";
        return (FailoverOutcome.Passed, text);
    }

    private static string Short(FailoverMeasurement m) =>
        m.Value is { } v && m.Bound is { } b ? $"{m.Name} in {TimeText.Seconds(v)} (bound {TimeText.Seconds(b.Value)})" : m.Name;

    private static string Value(FailoverMeasurement m) =>
        m.Value is { } v ? $"{TimeText.Seconds(v)}" + (m.Bound is { } b ? $" > bound {TimeText.Seconds(b.Value)}; " : "; ") : "";

    private string Describe(LbNode node, bool fault) => options.Hooks is { } hooks
        ? CommandHookTemplate.Expand(fault ? hooks.FaultCommand : hooks.RestoreCommand, node) + " (on the control host)"
        : fault ? FaultScripts.Describe(options.Mode) : FaultScripts.DescribeRestore(options.Mode);

    private FailoverTestReport Report(LbNode node, FailoverOutcome outcome, string summary, VerificationReport? before, VerificationReport? after,
        FailoverObservation? observation, FailoverAnalysis? analysis, IReadOnlyList<NodeClock> clocks) =>
        new(node.Name, options.Mode, outcome, summary, before, after, observation, analysis, clocks, _errors.ToList());
}
