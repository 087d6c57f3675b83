using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// After a node was activated: probes every node every 200 ms until the changed node's services are active and
/// exactly one node holds the VIP (the expected one, with preempt), or the health timeout is up.
/// </summary>
internal sealed class HealthWait(ApplyRun run)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task<bool> WaitAsync(NodeContext changed, CancellationToken ct)
    {
        var time = run.Time;
        var timeout = run.Options.HealthTimeoutOrDefault;
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var health = await ProbeAsync(ct);
            var holders = health.Where(h => h.Value.Holds(run.Inventory.Vip.Address)).Select(h => h.Key).ToList();
            var expected = ExpectedHolder(health);
            if (health[changed.Name].ServicesActive && holders.Count == 1 && (expected is null || holders[0] == expected))
            {
                run.Progress.Report("rollout", changed.Name, $"healthy: keepalived and haproxy active, VIP on {holders[0]}");
                return true;
            }
            var last = $"keepalived {health[changed.Name].KeepalivedState}, haproxy {health[changed.Name].HaproxyState}, VIP holders: {(holders.Count == 0 ? "none" : string.Join(", ", holders))}";
            if (time.GetTimestamp() > deadline)
                return run.Fail(changed, $"not healthy within {timeout.TotalSeconds:0} s ({last}); the rollout stopped here");
            await Task.Delay(Poll, time, ct);
        }
    }

    /// <summary>
    /// After a retired holder stopped: waits until exactly one member holds the VIP (the expected one, with preempt),
    /// or the health timeout is up; the holder's name, or null.
    /// </summary>
    public async Task<string?> WaitForOneHolderAsync(CancellationToken ct)
    {
        var deadline = run.Time.GetTimestamp() + (long)(run.Options.HealthTimeoutOrDefault.TotalSeconds * run.Time.TimestampFrequency);
        while (true)
        {
            var health = await ProbeAsync(ct);
            var holders = health.Where(h => h.Value.Holds(run.Inventory.Vip.Address)).Select(h => h.Key).ToList();
            if (holders.Count == 1 && ExpectedHolder(health) is var expected && (expected is null || holders[0] == expected)) return holders[0];
            if (run.Time.GetTimestamp() > deadline) return null;
            await Task.Delay(Poll, run.Time, ct);
        }
    }

    /// <summary>Every connected node's health, by name.</summary>
    private async Task<Dictionary<string, NodeHealth>> ProbeAsync(CancellationToken ct)
    {
        var probes = await Task.WhenAll(run.Nodes.Where(n => n.Session is not null).Select(async n =>
            (Node: n, Result: await n.Session!.ReadAsync(HealthProbe.Description, HealthProbe.Script, ct))));
        return probes.ToDictionary(p => p.Node.Name, p => HealthProbe.Parse(p.Result.StandardOutput));
    }

    /// <summary>
    /// With preempt, the settled VIP holder is the highest-priority node whose services are up; waiting for it
    /// (not just for any single holder) keeps a takeover that is still coming from happening after the next node's
    /// change. With nopreempt any single holder is settled.
    /// </summary>
    private string? ExpectedHolder(Dictionary<string, NodeHealth> health) =>
        VrrpElection.SettledHolder(run.Inventory.Vrrp.Preempt, run.Nodes.Where(n => health.TryGetValue(n.Name, out var h) && h.ServicesActive), n => n.Node.Priority)?.Name;
}
