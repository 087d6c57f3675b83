using System.Net;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// The one answer to "does this node hold the VIP", for every reader of a node's addresses: the facts of plan and
/// apply (<see cref="NodeFacts.HoldsAddress"/>), apply's health probe, verify's status script and failover-test's
/// sampler. The rule: an IPv4 entry of the node, a line of `ip -o -4 addr show`, has the VIP as its local address,
/// the word after "inet" up to its "/PREFIX". On which interface does not matter.
/// </summary>
public static class VipHolding
{
    /// <summary>The rule, on the local addresses a reader took from the node's entries with <see cref="LocalAddress"/>.</summary>
    public static bool Holds(IEnumerable<IPAddress> localAddresses, IPAddress vip) => localAddresses.Any(a => a.Equals(vip));

    /// <summary>The rule on `ip -o -4 addr show` lines as the node printed them.</summary>
    public static bool HoldsIn(IEnumerable<string> ipAddrLines, IPAddress vip) =>
        Holds(IpOutputParser.ParseAddresses(ipAddrLines).Select(a => a.Address.Address), vip);

    /// <summary>
    /// The local addresses of `ip -o addr show` lines of both families: the word after "inet" or "inet6" up to its
    /// "/PREFIX" (IPv6 link-local addresses included; a VIP is never one).
    /// </summary>
    public static IReadOnlyList<IPAddress> LocalAddressesOfBothFamilies(IEnumerable<string> ipAddrLines)
    {
        var addresses = new List<IPAddress>();
        foreach (var line in ipAddrLines)
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var at = Array.FindIndex(words, w => w is "inet" or "inet6");
            if (at < 0 || at + 1 >= words.Length) continue;
            var word = words[at + 1];
            var slash = word.IndexOf('/');
            if (IPAddress.TryParse(slash < 0 ? word : word[..slash], out var address)) addresses.Add(address);
        }
        return addresses;
    }

    /// <summary>The local address in an entry's address word ("10.0.0.100/24"); null when the word is none.</summary>
    public static IPAddress? LocalAddress(string addressWord) => IpOutputParser.ParseAddress(addressWord)?.Address;

    /// <summary>
    /// The rule as sh, for the sampler that decides on the node itself every few milliseconds: the text to look for
    /// in the output of `ip -o -4 addr show`, " VIP/" (ip prints a local address with its prefix as "inet VIP/PREFIX";
    /// the leading space and the slash keep 10.0.0.1 from matching 10.0.0.100 or 110.0.0.1). The one entry form
    /// where the text and the rule differ is point-to-point, "inet LOCAL peer PEER/32": the local address has no
    /// slash and the peer's has. keepalived adds the VIP as keepalived.conf writes it, VIP/PREFIX without a peer,
    /// so on an LB node the VIP is never such an entry.
    /// </summary>
    public static string ShellNeedle(IPAddress vip) => $" {vip}/";
}
