namespace HaLbDeploy.Core.Facts;

/// <summary>
/// One firewalld zone as `firewall-cmd --list-all-zones` prints it. Services are listed but never count as
/// allowing a port: their definitions differ between versions and can be edited locally, and treating a port as
/// closed when it is open only costs a redundant rule, while the opposite would leave the API unreachable.
/// </summary>
/// <param name="Target">"default", "ACCEPT", "DROP", "%%REJECT%%" (or "REJECT"); ACCEPT lets everything in.</param>
/// <param name="Ports">As firewalld writes them: "6443/tcp", "30000-32767/tcp".</param>
/// <param name="RichRules">Whole rules, e.g. rule family="ipv4" source address="10.0.0.12" protocol value="vrrp" accept.</param>
public sealed record FirewallZone(
    string Name,
    string Target,
    IReadOnlyList<string> Interfaces,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Ports,
    IReadOnlyList<string> Protocols,
    IReadOnlyList<string> RichRules)
{
    public bool AcceptsEverything => Target == "ACCEPT";

    /// <summary>
    /// The protocol (e.g. "vrrp") is let in: listed under protocols, or by an accepting IPv4 rich rule. A rule
    /// limited to some sources counts: keepalived's peers are what such a rule names.
    /// </summary>
    public bool AllowsProtocol(string protocol) =>
        AcceptsEverything ||
        Protocols.Contains(protocol, StringComparer.OrdinalIgnoreCase) ||
        RichRules.Select(FirewallRichRule.Parse).Any(r => r.AcceptsIPv4 && string.Equals(r.Protocol, protocol, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// VRRP from <paramref name="peer"/> is let in: by the target, by protocols, or by an accepting rich rule whose
    /// source (if any) holds the peer and whose destination (if any) holds <paramref name="destination"/> (the
    /// multicast group; null for unicast, where any destination element is taken to be this node).
    /// </summary>
    public bool AcceptsVrrpFrom(System.Net.IPAddress peer, System.Net.IPAddress? destination) =>
        AcceptsEverything ||
        Protocols.Contains("vrrp", StringComparer.OrdinalIgnoreCase) ||
        RichRules.Select(FirewallRichRule.Parse).Any(r =>
            r.AcceptsIPv4 && string.Equals(r.Protocol, "vrrp", StringComparison.OrdinalIgnoreCase) &&
            FirewallRichRule.Matches(r.Source, peer) && (destination is null || FirewallRichRule.Matches(r.Destination, destination)));

    /// <summary>The TCP port is let in: by a port or port range, or by an accepting IPv4 rich rule.</summary>
    public bool AllowsTcpPort(int port) =>
        AcceptsEverything ||
        Ports.Any(p => PortEntryCovers(p, port, "tcp")) ||
        RichRules.Select(FirewallRichRule.Parse).Any(r => r.AcceptsIPv4 && r.Port is { } entry && PortEntryCovers(entry, port, "tcp"));

    /// <summary>"6443/tcp" or "6000-7000/tcp" against a port and protocol.</summary>
    internal static bool PortEntryCovers(string entry, int port, string protocol)
    {
        var slash = entry.IndexOf('/');
        if (slash < 0 || !string.Equals(entry[(slash + 1)..], protocol, StringComparison.OrdinalIgnoreCase)) return false;
        var range = entry[..slash].Split('-');
        if (range.Length is < 1 or > 2 || !int.TryParse(range[0], out var low)) return false;
        var high = low;
        if (range.Length == 2 && !int.TryParse(range[1], out high)) return false;
        return port >= low && port <= high;
    }
}
