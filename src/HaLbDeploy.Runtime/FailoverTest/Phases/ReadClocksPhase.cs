using System.Globalization;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// Reads each node's clock offset, so that the nodes' samples can be put on the control host's clock, and with
/// it sets the run's scenario (whose two-holder allowance depends on how well the clocks are known). For
/// kill-haproxy it also reads whether the faulted node tracks haproxy by the track file, which sets the bound.
/// </summary>
internal sealed class ReadClocksPhase(Inventory inventory, NodeSessions sessions, TimeProvider time) : IFailoverPhase
{
    private const int Readings = 3;

    public string Name => "read clocks";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        bool trackFile;
        try
        {
            run.Clocks = await Task.WhenAll(inventory.Nodes.Select(node => ReadClockAsync(node, run, cancellationToken)));
            trackFile = run.Options.Mode == FailoverMode.KillHaproxy && await TracksHaproxyByFileAsync(run, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            run.Finish(FailoverOutcome.Interrupted, "interrupted before any fault was injected");
            return;
        }
        run.Scenario = FailoverScenario.For(inventory, run.Options, run.HolderBefore, run.Clocks, trackFile);
    }

    /// <summary>False when it cannot be read: the script-only bound is the safe one.</summary>
    private async Task<bool> TracksHaproxyByFileAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        try
        {
            var reader = await sessions.GetAsync(run.Node, cancellationToken);
            var result = await reader.ReadAsync(FaultScripts.ReadHaproxyTrackingDescription, FaultScripts.ReadHaproxyTracking, cancellationToken);
            return result.Succeeded && FaultScripts.TracksHaproxyByFile(result.StandardOutput);
        }
        catch (Exception e) when (e is HostConnectionException or TimeoutException or IOException)
        {
            run.AddError($"{run.Node.Name}: reading how haproxy is tracked failed ({e.Message}); judged by the check script's bound");
            return false;
        }
    }

    /// <summary>The best of three readings (the one with the shortest round trip); zero offset when none worked.</summary>
    private async Task<NodeClock> ReadClockAsync(LbNode node, FailoverRun run, CancellationToken cancellationToken)
    {
        NodeClock? best = null;
        for (var i = 0; i < Readings; i++)
        {
            try
            {
                var clock = await ReadOnceAsync(node, cancellationToken);
                if (clock is not null && (best is null || clock.Uncertainty < best.Uncertainty)) best = clock;
            }
            catch (Exception e) when (e is HostConnectionException or TimeoutException or IOException)
            {
                run.AddError($"{node.Name}: reading the clock failed: {e.Message}");
            }
        }
        if (best is null) run.AddError($"{node.Name}: clock offset unknown, taken as zero");
        return best ?? NodeClock.Same(node.Name);
    }

    /// <summary>Null when the node printed no plausible time.</summary>
    private async Task<NodeClock?> ReadOnceAsync(LbNode node, CancellationToken cancellationToken)
    {
        var reader = await sessions.GetAsync(node, cancellationToken);
        var sent = time.GetUtcNow();
        var result = await reader.ReadAsync("read clock", "date +%s%N\n", cancellationToken);
        var received = time.GetUtcNow();
        var digits = result.StandardOutput.Trim();
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var ns) || digits.Length < 16) return null;
        // The facts' midpoint method (NodeClockReading) at full precision: the node read its clock somewhere
        // between sent and received, so the true offset lies within half the round trip of this estimate.
        var nodeTime = DateTimeOffset.UnixEpoch.AddTicks(ns / 100);
        return new NodeClock(node.Name, nodeTime - (sent + (received - sent) / 2), (received - sent) / 2);
    }
}
