using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Validation;

/// <summary>
/// Whether a node back from a fault waits long enough before it takes the VIP back: it preempts
/// preempt_delay + 3 x advert_int after it is back, and its haproxy sees the API servers UP only after one check in
/// flight and `rise` passing ones (<see cref="PreemptDelay.HealthCheckRecoverySeconds(Inventory)"/>). Taking the VIP
/// sooner refuses the clients in between: measured on the lab with the fast profile and no delay, 1.3-2.0 s of
/// failed probes (docs/performance.md, "Failback: preempt_delay"). keepalived ignores the delay on a node that starts
/// MASTER, and a written delay with nopreempt does nothing.
/// </summary>
public sealed class PreemptDelayCheck(ProblemCollector problems)
{
    public const string Field = "vrrp.preempt_delay";

    public void Check(Inventory inventory)
    {
        var vrrp = inventory.Vrrp;
        if (vrrp.PreemptDelaySeconds is { } written && written is < 0 or > PreemptDelay.MaxSeconds)
        {
            problems.Error("out-of-range", Field, $"{written} is outside 0-{PreemptDelay.MaxSeconds} (keepalived's limit)",
                "use 0-1000 seconds, or leave it out (the fast profile waits for its health check, the default profile needs no delay)");
            return;
        }
        if (!vrrp.Preempt)
        {
            if (vrrp.PreemptDelaySeconds is not null)
                problems.Warning("preempt-delay-without-preempt", Field, "with `preempt: false` no node takes the VIP back, so preempt_delay has nothing to delay",
                    "remove `preempt_delay`, or set `vrrp.preempt: true`");
            return;
        }
        if (inventory.Nodes.Count < 2 || inventory.Frontends.Count == 0) return;

        // The node that takes the VIP back is the highest priority; keepalived ignores preempt_delay where it starts MASTER.
        var (first, index) = inventory.Nodes.Select((n, i) => (n, i)).MaxBy(p => p.n.Priority);
        var delay = PreemptDelay.FirstNodeSecondsFor(inventory);
        var adverts = 3 * inventory.AdvertInt.AsTimeSpan;
        var preemptsAfter = TimeSpan.FromSeconds(delay) + adverts;
        var slowest = PreemptDelay.SlowestFrontend(inventory);
        var recovery = PreemptDelay.SecondsFor(slowest.HealthCheck);
        if (preemptsAfter >= TimeSpan.FromSeconds(recovery)) return;
        var refused = $"but its haproxy needs up to {recovery} s ((rise + 1) x interval of {slowest.Fields.HealthCheck}) to see the API servers UP again: clients are refused in between";
        if (first.InitialState == VrrpInitialState.Master)
        {
            problems.Warning("preempt-delay-ignored-on-master", $"nodes[{index}].state",
                $"keepalived ignores preempt_delay on a node that starts as MASTER: {first.Name} takes the VIP back {ShownText.Seconds(adverts)} (3 x advert_int) after it is back from a fault, {refused}",
                "remove `state: MASTER` (every node starts BACKUP and priority decides), so that preempt_delay holds it back");
            return;
        }
        var needed = (int)Math.Ceiling(recovery - adverts.TotalSeconds);
        problems.Warning("preempt-delay-before-health-check", Field,
            $"{first.Name} takes the VIP back {ShownText.Seconds(preemptsAfter)} after it is back from a fault (preempt_delay {delay} s + 3 x advert_int), {refused}",
            $"set `vrrp.preempt_delay: {needed}` or more" + (vrrp.PreemptDelaySeconds is null ? "" : ", or leave it out for the profile's own") + ", or a shorter health check interval");
    }
}
