using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads the one-line-per-record forms of iproute2:
/// `ip -o link show`:    2: eth0@if5: &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt; mtu 1500 qdisc ... state UP ...
/// `ip -o -4 addr show`: 2: eth0    inet 10.0.0.11/24 brd 10.0.0.255 scope global eth0\       valid_lft ...
/// (a point-to-point address reads "inet 10.0.0.1 peer 10.0.0.2/32": the local address then has prefix 32).
/// </summary>
internal static class IpOutputParser
{
    /// <summary>Interface name to "UP and LOWER_UP", in the order ip lists them.</summary>
    public static IReadOnlyList<(string Name, bool LinkUp)> ParseLinks(IEnumerable<string> lines)
    {
        var links = new List<(string, bool)>();
        foreach (var line in lines)
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3 || !IsIndex(words[0])) continue;
            var name = InterfaceName(words[1].TrimEnd(':'));
            var flags = words[2].Trim('<', '>').Split(',');
            links.Add((name, flags.Contains("UP") && flags.Contains("LOWER_UP")));
        }
        return links;
    }

    /// <summary>The hardware address after "link/ether" in one `ip -o link show` line, lower case; null when there is none.</summary>
    public static string? ParseLinkLayerAddress(string line)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(words, "link/ether");
        return at >= 0 && at + 1 < words.Length ? words[at + 1].ToLowerInvariant() : null;
    }

    public static IReadOnlyList<(string Name, InterfaceAddress Address)> ParseAddresses(IEnumerable<string> lines)
    {
        var addresses = new List<(string, InterfaceAddress)>();
        foreach (var line in lines)
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 4 || !IsIndex(words[0]) || words[2] != "inet") continue;
            if (ParseAddress(words[3]) is { } address) addresses.Add((InterfaceName(words[1].TrimEnd(':')), address));
        }
        return addresses;
    }

    /// <summary>The address word after "inet": "10.0.0.11/24", or "10.0.0.1" before "peer" (prefix 32); null when it is none.</summary>
    public static InterfaceAddress? ParseAddress(string text)
    {
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        var prefix = 32;
        if (slash >= 0 && !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix)) return null;
        if (prefix is < 0 or > 32) return null;
        if (!IPAddress.TryParse(addressText, out var address) || address.AddressFamily != AddressFamily.InterNetwork) return null;
        return new InterfaceAddress(address, prefix);
    }

    private static bool IsIndex(string word) =>
        word.EndsWith(':') && word.Length > 1 && word[..^1].All(char.IsAsciiDigit);

    // veth ends are listed as "eth0@if5" (and "eth0@NONE"); the kernel name is the part before '@'.
    private static string InterfaceName(string word)
    {
        var at = word.IndexOf('@');
        return at > 0 ? word[..at] : word;
    }
}
