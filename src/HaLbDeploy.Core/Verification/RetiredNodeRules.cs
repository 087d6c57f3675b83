using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Verification;

/// <summary>
/// verify's judgement of the inventory's retired nodes, read-only over SSH: one that holds the VIP is a problem (it
/// answers for the VIP beside, or instead of, the tier); one that still runs keepalived is a warning (it competes for
/// the VIP as soon as it hears no holder); one that cannot be read is a warning (fine when it is gone for good).
/// </summary>
public static class RetiredNodeRules
{
    public static void Check(Inventory inventory, IReadOnlyList<NodeStatus> retired, List<string> problems, List<string> warnings)
    {
        var vip = inventory.Vip.Address;
        foreach (var node in inventory.Retired)
        {
            var status = retired.FirstOrDefault(s => s.Node == node.Name);
            var who = $"retired node {node.Name} ({node.Address})";
            if (status is null || !status.Reachable || status.Error is not null)
                warnings.Add($"{who} could not be read ({status?.Error ?? "not read"}): if it still runs keepalived it competes for the VIP; fine if it is gone for good (then remove it from retired_nodes)");
            else if (status.HoldsVip)
                problems.Add($"{who} still holds the VIP {vip} (keepalived {status.Keepalived.Active}): it answers for the VIP although it left the tier. Fix: run `halb-deploy apply`, which stops it and hands the VIP over");
            else if (status.Keepalived.IsActive)
                warnings.Add($"{who} still runs keepalived: it takes the VIP as soon as it hears no holder (its peers no longer send it adverts). Fix: run `halb-deploy apply`");
        }
    }

    /// <summary>The retired node whose interface has the hardware address the ARP entry for the VIP names, or null.</summary>
    public static string? NodeNamed(IReadOnlyList<NodeStatus> retired, NeighbourEntry? entry) =>
        entry is null ? null : retired.FirstOrDefault(s => s.Reachable && s.LinkLayerAddress == entry.LinkLayerAddress)?.Node;
}
