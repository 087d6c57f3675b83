using System.Globalization;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Validation;

/// <summary>
/// Whether a tier can hold the fast profile's advert interval without flapping, from the same timers as
/// <see cref="FailoverBounds"/>. Two ways a short interval makes the VIP move for nothing:
/// <list type="bullet">
/// <item>a late master: a backup takes over when no advert came for 3 x advert_int + skew, so the master's next
/// advert may be late by at most 2 x advert_int + skew. A node held off the CPU longer than that (CPU steal on a
/// shared VM, memory pressure, a throttled cgroup) loses the VIP for nothing: <see cref="StallAllowance"/>.</item>
/// <item>two backups in a race: when the master dies, the backup next in priority times out only
/// (gap x advert_int / 256) after the first; if the new master's first advert has not reached it by then, it becomes
/// MASTER too for a moment (an extra transition, two holders). That needs <see cref="RaceAllowance"/>.</item>
/// </list>
/// </summary>
public sealed class FastProfileFloor(ProblemCollector problems)
{
    /// <summary>How long a master may be held off the CPU without losing the VIP, at the least.</summary>
    public static readonly TimeSpan StallAllowance = TimeSpan.FromMilliseconds(200);

    /// <summary>How much later the second backup must time out than the first: an advert across one L2 segment and keepalived's wake-up.</summary>
    public static readonly TimeSpan RaceAllowance = TimeSpan.FromMilliseconds(10);

    public void Check(Inventory inventory)
    {
        var timing = VrrpTiming.From(inventory);
        var byPriority = inventory.Nodes.OrderByDescending(n => n.Priority).ToList();
        if (byPriority.Count < 2) return;
        var advert = timing.AdvertInterval;

        // The node that takes over first when the top one stalls is the second; its skew is the smallest any backup has.
        var next = byPriority[1];
        var tolerated = 2 * advert + FailoverBounds.Skew(timing, next.Priority);
        if (tolerated < StallAllowance)
        {
            problems.Warning("advert-int-below-stall-floor", "advert_int",
                $"advert_int {ShownText.Seconds(advert)} lets {byPriority[0].Name} be late with an advert by only {Ms(tolerated)} (2 x advert_int + skew of {next.Name}) before {next.Name} takes the VIP: " +
                $"a node held off the CPU for longer (CPU steal on a shared VM, memory pressure, a throttled cgroup) moves the VIP for nothing. A shorter interval buys a faster takeover on a hard fault (3 x advert_int + skew) at that risk",
                $"use advert_int 0.1 or more (tolerates {Ms(2 * TimeSpan.FromMilliseconds(100) + FailoverBounds.Skew(timing with { AdvertInterval = TimeSpan.FromMilliseconds(100) }, next.Priority))}) unless the LB nodes have dedicated CPUs");
        }

        // Every pair of backups that can race: the top node's successors, in priority order.
        for (var i = 1; i + 1 < byPriority.Count; i++)
        {
            var (first, second) = (byPriority[i], byPriority[i + 1]);
            var lead = FailoverBounds.Skew(timing, second.Priority) - FailoverBounds.Skew(timing, first.Priority);
            if (lead >= RaceAllowance) continue;
            var gapNeeded = (int)Math.Ceiling(RaceAllowance.TotalSeconds * 256 / advert.TotalSeconds);
            var field = $"nodes[{inventory.Nodes.ToList().IndexOf(second)}].priority";
            problems.Warning("priority-gap-below-race-floor", field,
                $"with advert_int {ShownText.Seconds(advert)}, {second.Name} (priority {second.Priority}) times out only {Ms(lead)} after {first.Name} (priority {first.Priority}) when the master dies: " +
                $"unless {first.Name}'s first advert reaches it within that, {second.Name} becomes MASTER too for a moment (an extra transition and two holders on every such failover). " +
                "VRRPv3 scales the skew by the advert interval, so a short interval needs wider priority gaps",
                $"leave at least {gapNeeded} between neighbouring priorities (e.g. {byPriority[0].Priority}, {byPriority[0].Priority - gapNeeded}, {byPriority[0].Priority - 2 * gapNeeded}), or use a longer advert_int");
        }
    }

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms";
}
