using System.Globalization;
using System.Net;

namespace HaLbDeploy.Core.Verification;

/// <summary>
/// Reads Linux's /proc/net/arp:
/// <code>
/// IP address       HW type     Flags       HW address            Mask     Device
/// 10.211.0.100     0x1         0x2         72:bf:78:d3:63:d1     *        halb0
/// </code>
/// Only complete entries count (flag ATF_COM, 0x2): an unresolved one shows 00:00:00:00:00:00.
/// </summary>
public static class ArpTableParser
{
    private const int CompleteFlag = 0x2;

    public static NeighbourEntry? Find(string table, IPAddress address)
    {
        foreach (var line in (table ?? "").Split('\n').Skip(1))
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 6 || !IPAddress.TryParse(words[0], out var ip) || !ip.Equals(address)) continue;
            if (!TryParseHex(words[2], out var flags) || (flags & CompleteFlag) == 0) continue;
            return new NeighbourEntry(ip, words[3].ToLowerInvariant(), words[5]);
        }
        return null;
    }

    private static bool TryParseHex(string text, out int value) =>
        int.TryParse(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
}
