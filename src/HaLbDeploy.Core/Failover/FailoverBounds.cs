using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Failover;

/// <summary>
/// How long a takeover may take, from keepalived's timers: a backup declares the master dead after
/// 3 x advert_int + skew, skew = (256 - priority) / 256 s in VRRPv2 (RFC 3768) and (256 - priority) x advert_int / 256
/// in VRRPv3 (RFC 5798, the fast profile); a master that stops gracefully sends priority 0 and the backup then waits
/// only its skew. validate and plan print the fast profile's bounds from here, and failover-test judges by them. keepalived's track script needs interval x fall to see haproxy down
/// (the first failing run comes at most one interval after the crash) and interval x rise to see it back; where
/// the node has the track file (<see cref="VrrpTiming.TrackFile"/>), systemd's ExecStopPost tells keepalived at once,
/// so a haproxy death with weight 0 is bounded like a graceful stop: the FAULT sends priority 0.
/// Every bound adds a margin for scheduling, gratuitous ARP and the measurement's own resolution:
/// <see cref="Margin"/> with whole-second adverts, <see cref="SubSecondMargin"/> with sub-second ones (where 0.5 s
/// would be longer than the whole takeover and hide a slow one).
/// </summary>
public static class FailoverBounds
{
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);

    /// <summary>Four 50 ms samples: the sampling resolution, the fault command's own SSH exec (~85 ms) and gratuitous ARP.</summary>
    public static readonly TimeSpan SubSecondMargin = TimeSpan.FromMilliseconds(200);

    public static TimeSpan MarginOf(VrrpTiming timing) => timing.AdvertInterval < TimeSpan.FromSeconds(1) ? SubSecondMargin : Margin;

    public static TimeSpan Skew(VrrpTiming timing, int priority) =>
        TimeSpan.FromSeconds((256 - priority) / 256.0 * (timing.Version3 ? timing.AdvertInterval.TotalSeconds : 1.0));

    public static TimeSpan MasterDown(VrrpTiming timing, int priority) => 3 * timing.AdvertInterval + Skew(timing, priority);

    /// <summary>From the fault to the moment the next node holds the VIP.</summary>
    /// <param name="newHolder">The node expected to take over (the highest priority among the others) and its priority.</param>
    public static TimingBound Takeover(FailoverMode mode, VrrpTiming timing, string newHolder, int priority)
    {
        var skew = Part("skew", Skew(timing, priority), $"{newHolder}, priority {priority}");
        var masterDown = $"3 x advert_int {TimeText.Seconds(timing.AdvertInterval)} + {skew.Text}";
        var detect = $"track interval {TimeText.Seconds(timing.TrackInterval)} x fall {timing.TrackFall}";
        const string trackFile = "track file (written by systemd when haproxy stops)";
        return mode switch
        {
            FailoverMode.Stop => Sum(timing, skew.Value, $"{skew.Text} (priority 0 sent on stop)"),
            FailoverMode.KillHaproxy when timing is { TrackFile: true, TrackWeight: 0 } =>
                Sum(timing, skew.Value, $"{trackFile} + {skew.Text} (FAULT sends priority 0)"),
            FailoverMode.KillHaproxy when timing.TrackFile =>
                Sum(timing, MasterDown(timing, priority), $"{trackFile} + {masterDown}"),
            FailoverMode.KillHaproxy when timing.TrackWeight == 0 =>
                Sum(timing, timing.TrackInterval * timing.TrackFall + skew.Value, $"{detect} + {skew.Text} (FAULT sends priority 0)"),
            FailoverMode.KillHaproxy =>
                Sum(timing, timing.TrackInterval * timing.TrackFall + MasterDown(timing, priority), $"{detect} + {masterDown}"),
            _ => Sum(timing, MasterDown(timing, priority), masterDown),
        };
    }

    /// <summary>
    /// From the restore (keepalived started, link up, haproxy started) to the moment the restored node holds the
    /// VIP again: with preempt it ignores the lower-priority adverts of the current master and takes over when its
    /// own master-down timer runs out. After haproxy was down (kill-haproxy) or the node booted (power-off: haproxy
    /// starts alongside keepalived), keepalived first needs rise x interval of passing track checks. With a
    /// preempt_delay (the fast profile) the node waits that long after it hears the current master.
    /// </summary>
    public static TimingBound Failback(FailoverMode mode, VrrpTiming timing, string restored, int priority)
    {
        var skew = Part("skew", Skew(timing, priority), $"{restored}, priority {priority}");
        var masterDown = $"3 x advert_int {TimeText.Seconds(timing.AdvertInterval)} + {skew.Text}";
        // The restore's own settling (a link's carrier, a unit starting) is not in keepalived's timers: the failback
        // keeps the whole-second margin whatever the profile (on the lab, lb1 was back 0.748 s after `link-up`
        // with advert_int 0.1, where the timers alone give 0.302 s).
        var whole = timing with { AdvertInterval = TimeSpan.FromSeconds(Math.Max(1, timing.AdvertInterval.TotalSeconds)) };
        var margin = $"margin {TimeText.Seconds(MarginOf(whole))}";
        // With preempt_delay the returning node hears the current master and waits that long before it preempts.
        var (delay, delayText) = timing.PreemptDelay > TimeSpan.Zero
            ? (timing.PreemptDelay, $"preempt_delay {TimeText.Seconds(timing.PreemptDelay)} + ")
            : (TimeSpan.Zero, "");
        return mode is FailoverMode.KillHaproxy or FailoverMode.PowerOff
            ? new TimingBound(timing.TrackInterval * timing.TrackRise + delay + MasterDown(timing, priority) + MarginOf(whole),
                $"track interval {TimeText.Seconds(timing.TrackInterval)} x rise {timing.TrackRise} + {delayText}{masterDown} + {margin}")
            : new TimingBound(delay + MasterDown(timing, priority) + MarginOf(whole), $"{delayText}{masterDown} + {margin}");
    }

    /// <summary>The longest stretch without a successful probe that a takeover with <paramref name="takeover"/> allows.</summary>
    public static TimingBound ProbeGap(TimingBound takeover, TimeSpan probeInterval) =>
        new(takeover.Value + probeInterval, $"takeover bound {TimeText.Seconds(takeover.Value)} + probe interval {TimeText.Seconds(probeInterval)}");

    /// <summary>When the VIP should not move (or moves by preemption, which needs no outage).</summary>
    public static TimingBound NoOutage(TimeSpan probeInterval) =>
        new(Margin + probeInterval, $"margin {TimeText.Seconds(Margin)} + probe interval {TimeText.Seconds(probeInterval)}");

    /// <summary>
    /// What a tier of these nodes promises, for validate and plan to print: a graceful stop of the holder, haproxy
    /// dying on it, and a hard fault (link down, power off), each with the highest-priority other node taking over;
    /// then whether the first node takes the VIP back after a link down, and by when (its preempt_delay included).
    /// </summary>
    /// <param name="trackFile">
    /// Whether the nodes have the track file (plan knows from their facts); null when it is not known (validate) or
    /// differs between nodes: then both haproxy bounds are given.
    /// </param>
    public static string Summary(Inventory inventory, bool? trackFile = false) =>
        Summary(VrrpTiming.From(inventory), inventory.Nodes.Select(n => new NodePriority(n.Name, n.Priority)).ToList(), trackFile);

    /// <inheritdoc cref="Summary(Inventory, bool?)"/>
    public static string Summary(VrrpTiming timing, IReadOnlyList<NodePriority> nodes, bool? trackFile = false)
    {
        var byPriority = nodes.OrderByDescending(n => n.Priority).ToList();
        if (byPriority.Count < 2) return "no failover bounds: the VIP has nowhere to move";
        var next = byPriority[1];
        string Bound(FailoverMode mode, bool file = false) => TimeText.Seconds(Takeover(mode, timing with { TrackFile = file }, next.Name, next.Priority).Value);
        var haproxy = trackFile switch
        {
            true => $"haproxy dies <= {Bound(FailoverMode.KillHaproxy, file: true)} (track file)",
            false => $"haproxy dies <= {Bound(FailoverMode.KillHaproxy)}",
            null => $"haproxy dies <= {Bound(FailoverMode.KillHaproxy, file: true)} with the track file (keepalived 2.0.0 or later), else <= {Bound(FailoverMode.KillHaproxy)}",
        };
        return $"failover bounds ({byPriority[0].Name} to {next.Name}, VRRPv{(timing.Version3 ? 3 : 2)}, advert_int {TimeText.Seconds(timing.AdvertInterval)}): " +
               $"graceful stop <= {Bound(FailoverMode.Stop)}, {haproxy}, link down or power off <= {Bound(FailoverMode.LinkDown)}; " +
               FailbackSummary(timing, byPriority[0]);
    }

    /// <summary>Whether and when the first node takes the VIP back once its link is up again.</summary>
    private static string FailbackSummary(VrrpTiming timing, NodePriority first)
    {
        if (!timing.Preempt) return $"{first.Name} does not take the VIP back (nopreempt)";
        var back = TimeText.Seconds(Failback(FailoverMode.LinkDown, timing, first.Name, first.Priority).Value);
        return timing.PreemptDelay > TimeSpan.Zero
            ? $"{first.Name} takes it back <= {back} after its link is up (preempt_delay {TimeText.Seconds(timing.PreemptDelay)}: its haproxy first sees the servers UP)"
            : $"{first.Name} takes it back <= {back} after its link is up";
    }

    /// <summary>
    /// Two holders for a moment can be a measuring artefact (samples every <paramref name="sampleInterval"/>, node
    /// clocks known to <paramref name="clockUncertainty"/>), or the few milliseconds of a preemption handover.
    /// </summary>
    public static TimingBound TwoHolderAllowance(TimeSpan sampleInterval, TimeSpan clockUncertainty) =>
        new(2 * sampleInterval + clockUncertainty, $"2 x sample interval {TimeText.Seconds(sampleInterval)} + clock uncertainty {TimeText.Seconds(clockUncertainty)}");

    private static (TimeSpan Value, string Text) Part(string name, TimeSpan value, string note) => (value, $"{name} {TimeText.Seconds(value)} ({note})");

    private static TimingBound Sum(VrrpTiming timing, TimeSpan value, string explanation) =>
        new(value + MarginOf(timing), $"{explanation} + margin {TimeText.Seconds(MarginOf(timing))}");

}
