using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// What plan says about nodes joining and leaving a served tier, and whether the VIP moves because of them: a
/// node joins as a backup (no move) unless it outranks the holder with preempt (one planned move, when it starts);
/// a retired node that holds the VIP hands it to the highest-priority member still running (one planned move).
/// </summary>
public static class MembershipForecast
{
    /// <summary>Lines safe to print, one per joining or retiring node; none when nobody joins or leaves.</summary>
    public static IReadOnlyList<string> Lines(Inventory inventory, IReadOnlyList<NodePlan> members, IReadOnlyList<RetirementPlan> retirements)
    {
        var vip = inventory.Vip.Address;
        var lines = new List<string>();
        var running = members.Where(p => p.Facts.Keepalived is { Active: true }).ToList();
        var retiringHolder = retirements.FirstOrDefault(r => r.HoldsVip && r.HasChanges);
        var successor = VrrpElection.Winner(running, p => p.Node.Priority);
        foreach (var retired in retirements.Where(r => r.HasChanges))
        {
            lines.Add(retired.HoldsVip
                ? $"{retired.Node.Name} ({retired.Node.Address}) retires and holds the VIP: its keepalived stops first (priority 0), so the VIP moves to " +
                  $"{successor?.Node.Name ?? "no member (none runs keepalived)"} once (a graceful handover, the one planned move)"
                : $"{retired.Node.Name} ({retired.Node.Address}) retires: keepalived and haproxy stop there, the peers drop it from their unicast lists; no VIP move");
        }
        var holder = retiringHolder is null ? running.FirstOrDefault(p => p.Facts.HoldsAddress(vip)) : successor;
        if (holder is null) return lines;
        foreach (var joining in members.Where(p => p.HasChanges && p.Facts.Keepalived is not { Active: true }).OrderBy(p => p.Node.Priority))
        {
            var (name, priority) = (joining.Node.Name, joining.Node.Priority);
            lines.Add(priority > holder.Node.Priority && inventory.Vrrp.Preempt
                ? $"{name} joins and outranks the VIP holder {holder.Node.Name} ({priority} > {holder.Node.Priority}) with preempt: the VIP moves to {name} once, when it starts (the one planned move)"
                : $"{name} joins as a backup, after every member learned it as a unicast peer: the VIP stays on {holder.Node.Name}" +
                  (priority > holder.Node.Priority ? $" (nopreempt, although {name} has the higher priority)" : $" ({name}'s priority {priority} < {holder.Node.Priority})"));
        }
        return lines;
    }
}
