using System.Net;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// The firewalld rules halb-deploy keeps on a node that runs firewalld: VRRP accepted only from each peer node's
/// address (unicast), or only from each peer to the multicast group (multicast), as rich rules; and the frontend port.
/// Its rich rules carry <c>priority="-112"</c> (VRRP is IP protocol 112) so that it can tell them from anyone else's
/// and remove those the inventory no longer needs (a peer taken out), never touching rules it did not add.
/// The text is firewalld's own canonical form, as `firewall-cmd --list-rich-rules` prints it, so the facts compare.
/// </summary>
public static class FirewallRules
{
    public const int Priority = -112;

    private static readonly string Marker = $"rule priority=\"{Priority}\" ";

    /// <summary>The VRRP rule for each other node of the inventory, in inventory order.</summary>
    public static IReadOnlyList<(LbNode Peer, string Rule)> VrrpFromPeers(Inventory inventory, LbNode node) =>
        inventory.Nodes.Where(n => n.Name != node.Name)
            .Select(peer => (peer, VrrpFrom(peer.Address, inventory.Vrrp.Mode == VrrpMode.Multicast ? inventory.Vrrp.MulticastGroup : null)))
            .ToList();

    /// <summary>Accepts VRRP from <paramref name="peer"/>; with a group, only VRRP from it to that group.</summary>
    public static string VrrpFrom(IPAddress peer, IPAddress? group) => group is null
        ? $"{Marker}family=\"ipv4\" source address=\"{peer}\" protocol value=\"vrrp\" accept"
        : $"{Marker}family=\"ipv4\" source address=\"{peer}\" destination address=\"{group}\" protocol value=\"vrrp\" accept";

    /// <summary>A rich rule halb-deploy added (it carries the marker priority).</summary>
    public static bool IsOurs(string rule) => Normalized(rule).StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>Two rule texts say the same (firewalld may print runs of spaces differently).</summary>
    public static bool Same(string a, string b) => Normalized(a) == Normalized(b);

    /// <summary>The rule with single spaces between its words.</summary>
    public static string Normalized(string rule) => string.Join(' ', rule.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
