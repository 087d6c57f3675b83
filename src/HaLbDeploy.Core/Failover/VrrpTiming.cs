using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Failover;

/// <summary>The keepalived timers that decide how fast the VIP moves, taken from the inventory.</summary>
/// <param name="Version3">VRRPv3 scales the skew by the advert interval (the renderer uses v3 for the fast profile and for strict mode with accept).</param>
public sealed record VrrpTiming(TimeSpan AdvertInterval, TimeSpan TrackInterval, int TrackFall, int TrackRise, int TrackWeight, bool Preempt, bool Version3)
{
    /// <summary>
    /// The failing node's keepalived also tracks the file systemd writes when haproxy stops (fast profile, see
    /// Rendering.HaproxyTracking): haproxy's death is noticed at once, not after the track script's interval x fall.
    /// Not in the inventory: it depends on the node's keepalived, so plan takes it from the facts and failover-test
    /// from the node.
    /// </summary>
    public bool TrackFile { get; init; }

    /// <summary>
    /// How long the node that takes the VIP back (the highest priority) waits before it preempts (keepalived's
    /// preempt_delay, <see cref="Model.PreemptDelay.FirstNodeSecondsFor"/>); zero for none, and where that node
    /// starts MASTER.
    /// </summary>
    public TimeSpan PreemptDelay { get; init; }

    public static VrrpTiming From(Inventory inventory) => new(
        inventory.AdvertInt.AsTimeSpan,
        TimeSpan.FromSeconds(inventory.Vrrp.TrackIntervalSeconds),
        inventory.Vrrp.TrackFall,
        inventory.Vrrp.TrackRise,
        inventory.Vrrp.TrackWeight,
        inventory.Vrrp.Preempt,
        inventory.Vrrp.Profile == VrrpProfile.Fast || inventory.Vrrp.Strict && inventory.Vrrp.Accept)
    {
        PreemptDelay = TimeSpan.FromSeconds(Model.PreemptDelay.FirstNodeSecondsFor(inventory)),
    };
}
