namespace HaLbDeploy.Core.Model;

/// <summary>
/// How long a returning node waits before it takes the VIP back (keepalived's `preempt_delay`).
/// With sub-second adverts a node preempts 3 adverts and its skew after it is back (0.3 s at advert_int 0.1), long
/// before its haproxy has its API servers UP again: checks that were under way in the outage fail after it, and
/// haproxy then wants `rise` passing checks `inter` apart. Measured on the lab (docs/performance.md): lb1 took the
/// VIP back 0.3 s after link-up while every server was DOWN, and the probes failed for 1.3-2.0 s. So the fast
/// profile's node waits for one check in flight and `rise` more, on the slowest frontend:
/// <see cref="HealthCheckRecoverySeconds(Inventory)"/>, whole seconds (keepalived 2.1 reads no fractions), at most
/// keepalived's 1000. The default profile needs none: its whole-second adverts take 3 s to preempt, as long as the
/// default checks (inter 1s, rise 2) take to recover. An inventory's `vrrp.preempt_delay` wins over both; nopreempt
/// has nothing to delay.
/// </summary>
public static class PreemptDelay
{
    public const int MaxSeconds = 1000;

    /// <summary>The delay in whole seconds; 0: none (the default profile unless written, or nopreempt).</summary>
    public static int SecondsFor(Inventory inventory) =>
        !inventory.Vrrp.Preempt ? 0
        : inventory.Vrrp.PreemptDelaySeconds is { } written ? written
        : inventory.Vrrp.Profile == VrrpProfile.Fast ? HealthCheckRecoverySeconds(inventory)
        : 0;

    /// <summary>
    /// The delay of the node that takes the VIP back (the highest priority): <see cref="SecondsFor(Inventory)"/>, but 0
    /// where that node starts MASTER, since keepalived ignores preempt_delay there (the template renders it only on
    /// nodes that start BACKUP).
    /// </summary>
    public static int FirstNodeSecondsFor(Inventory inventory) =>
        inventory.Nodes.MaxBy(n => n.Priority) is { InitialState: VrrpInitialState.Master } ? 0 : SecondsFor(inventory);

    /// <summary>The frontend whose health check needs the longest to see an API server UP again after an outage.</summary>
    public static Frontend SlowestFrontend(Inventory inventory) => inventory.Frontends.MaxBy(f => SecondsFor(f.HealthCheck))!;

    /// <summary>How long the slowest frontend's health check needs to see an API server UP again after an outage.</summary>
    public static int HealthCheckRecoverySeconds(Inventory inventory) => SecondsFor(SlowestFrontend(inventory).HealthCheck);

    /// <summary>One check in flight when the node comes back, then <see cref="HealthCheck.Rise"/> passing checks.</summary>
    public static int SecondsFor(HealthCheck check) =>
        (int)Math.Min(MaxSeconds, Math.Max(1, Math.Ceiling((check.Rise + 1) * check.Interval.Milliseconds / 1000.0)));
}
