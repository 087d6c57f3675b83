using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// `apply --upgrade`, after the rollout: moves keepalived and haproxy to the newer versions the repositories offer,
/// see docs/operations.md "Package upgrades". The backups one at a time, each healthy again before the next; then
/// the VIP holder: it stops keepalived (which hands the VIP to the next in line at once), is upgraded, and starts
/// again, taking the VIP back with preempt. That one planned failover is measured from the control host by probing
/// the VIP every 50 ms, and reported. A pin's moves go the same way (without --upgrade too); the holds come last,
/// with the release of holds of ours whose pin is gone.
/// </summary>
internal sealed class UpgradePhase(ApplyRun run) : IPhase
{
    private const string Phase = "upgrade";
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ServedWait = TimeSpan.FromSeconds(3);

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var moving = run.Nodes.Where(n => n.Upgrades is { Count: > 0 }).ToList();
        if (moving.Count == 0) return await HoldAllAsync(cancellationToken);
        var health = new HealthWait(run);
        var holderName = await health.WaitForOneHolderAsync(cancellationToken);
        var holder = moving.FirstOrDefault(n => n.Name == holderName);
        var backups = moving.Where(n => n != holder).ToList();
        run.Progress.Report(Phase, "*", $"order: {(backups.Count == 0 ? "no backup" : string.Join(", ", backups.Select(n => n.Name)))}{(holder is null ? "" : $", then the VIP holder {holder.Name} after handing the VIP over")}");
        foreach (var node in backups)
        {
            if (!await run.Runner.GuardAsync(node, Phase, () => UpgradeAsync(node))
                || !await run.Runner.GuardAsync(node, Phase, () => health.WaitAsync(node, cancellationToken))) return false;
            node.Outcome = NodeOutcome.Changed;
        }
        if (holder is not null)
        {
            if (!await run.Runner.GuardAsync(holder, Phase, () => UpgradeHolderAsync(holder, health, cancellationToken))) return false;
            holder.Outcome = NodeOutcome.Changed;
        }
        return await HoldAllAsync(cancellationToken);
    }

    private Task<bool> HoldAllAsync(CancellationToken ct) =>
        run.Runner.ForEachAsync(run.Nodes.Where(n => n.Holds.Count > 0 || n.Releases.Count > 0).ToList(), Phase, async (node, _) =>
        {
            if (node.Holds.Count > 0 && !await ChangeHoldsAsync(node, PackageHoldScript.Description, PackageHoldScript.For(node.Facts.PackageManager, node.Holds),
                    $"holding {string.Join(", ", node.Holds.Select(h => h.Package))}", node.Holds.Select(h => $"held {h.Package} at {h.Version}"))) return false;
            if (node.Releases.Count > 0 && !await ChangeHoldsAsync(node, PackageHoldScript.ReleaseDescription, PackageHoldScript.For(node.Facts.PackageManager, node.Releases),
                    $"releasing the holds on {string.Join(", ", node.Releases.Select(r => r.Package))}", node.Releases.Select(r => $"released the hold on {r.Package}"))) return false;
            node.HostChanged = true;
            node.Outcome = NodeOutcome.Changed;
            return true;
        }, ct);

    /// <summary>Runs a hold or release script; on success reports <paramref name="done"/>, else fails the node naming <paramref name="what"/>.</summary>
    private async Task<bool> ChangeHoldsAsync(NodeContext node, string description, string script, string what, IEnumerable<string> done)
    {
        var result = await node.Session!.ChangeAsync(description, script, CancellationToken.None);
        if (!result.Succeeded) return run.Fail(node, $"{what} failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError + result.StandardOutput)}");
        foreach (var line in done) run.Progress.Report(Phase, node.Name, line);
        return true;
    }

    /// <summary>Once started, an upgrade finishes on the node: a Ctrl+C does not leave it between two versions.</summary>
    private async Task<bool> UpgradeAsync(NodeContext node)
    {
        foreach (var upgrade in node.Upgrades!) run.Progress.Report(Phase, node.Name, $"upgrading {upgrade}");
        var result = await node.Session!.ChangeAsync(UpgradeScript.Description, UpgradeScript.For(node.Facts.PackageManager, node.Upgrades!), CancellationToken.None);
        if (!result.Succeeded) return run.Fail(node, $"upgrading {string.Join(", ", node.Upgrades!)} failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError + result.StandardOutput)}");
        node.HostChanged = true;
        run.Progress.Report(Phase, node.Name, "upgraded; haproxy and keepalived restarted");
        return true;
    }

    private async Task<bool> UpgradeHolderAsync(NodeContext holder, HealthWait health, CancellationToken ct)
    {
        // A TCP connect is the measure: the VIP's holder has haproxy listening on the frontend port.
        var probe = new VipProbeLoop(new TcpVipProbe(run.Inventory.Vip.Address, run.Inventory.ProbedFrontend.Port, ProbeTimeout), ProbeInterval, run.Time, r => r.Connected);
        probe.Start(TimeSpan.FromMinutes(15));
        await UntilServedAsync(probe, ct);
        var start = run.Time.GetUtcNow();
        string? takenOverBy = null;
        var done = false;
        try
        {
            run.Progress.Report(Phase, holder.Name, "handing the VIP over: stopping keepalived");
            var stop = await holder.Session!.ChangeAsync("stop keepalived", UpgradeScript.StopKeepalived, CancellationToken.None);
            if (!stop.Succeeded) return run.Fail(holder, $"stopping keepalived failed (exit {stop.ExitCode}): {ScriptOutput.Tail(stop.StandardError)}");
            takenOverBy = await health.WaitForOneHolderAsync(ct);
            if (takenOverBy is null || takenOverBy == holder.Name)
            {
                await RestartKeepalivedAsync(holder);
                return run.Fail(holder, $"no other node took the VIP over after keepalived stopped here (holder: {takenOverBy ?? "none"}); keepalived was started again and the packages were not upgraded");
            }
            run.Progress.Report(Phase, holder.Name, $"VIP on {takenOverBy}");
            done = await UpgradeAsync(holder) && await health.WaitAsync(holder, ct);
            if (done) await UntilServedAsync(probe, ct);
            return done;
        }
        finally
        {
            var samples = await probe.StopAsync();
            if (done) Record(holder, takenOverBy, samples, start);
        }
    }

    private Task RestartKeepalivedAsync(NodeContext holder) =>
        holder.Session!.ChangeAsync("start keepalived", UpgradeScript.StartKeepalived, CancellationToken.None);

    private void Record(NodeContext holder, string? takenOverBy, IReadOnlyList<ProbeSample> samples, DateTimeOffset start)
    {
        var end = run.Time.GetUtcNow();
        var statistics = ProbeStatistics.For(samples, start, end, ProbeInterval);
        var unreachable = statistics.Outages.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Observed);
        run.PlannedFailover = new PlannedFailover(holder.Name, takenOverBy, unreachable, start, end, statistics.Sent, statistics.Failed);
        run.Progress.Report(Phase, holder.Name, run.PlannedFailover.ToString());
    }

    /// <summary>Until a probe got through (the VIP is served), bounded: the figure measures from a served VIP.</summary>
    private async Task UntilServedAsync(VipProbeLoop probe, CancellationToken ct)
    {
        var since = run.Time.GetUtcNow();
        var deadline = run.Time.GetTimestamp() + (long)(ServedWait.TotalSeconds * run.Time.TimestampFrequency);
        while (!probe.Samples.Any(s => s.Succeeded && s.At >= since) && run.Time.GetTimestamp() < deadline)
            await Task.Delay(ProbeInterval, run.Time, ct);
    }
}
