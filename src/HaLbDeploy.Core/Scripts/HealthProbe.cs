using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// A light read of a node's live state, cheap enough to poll several times a second over an open session:
/// unit states and the node's IPv4 addresses.
/// </summary>
public static class HealthProbe
{
    public const string Description = "probe health";

    public static string Script { get; } = ScriptKit.AsFunction("halb_probe", ScriptKit.PathPrelude + """
        echo "keepalived=$(systemctl is-active keepalived 2>/dev/null)"
        echo "haproxy=$(systemctl is-active haproxy 2>/dev/null)"
        ip -o -4 addr show 2>/dev/null | while read -r _ dev _ cidr _; do echo "addr=$dev $cidr"; done

        """);

    public static NodeHealth Parse(string output)
    {
        string? keepalived = null, haproxy = null;
        var addresses = new List<(string Interface, IPAddress Address)>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("keepalived=", StringComparison.Ordinal)) keepalived = line["keepalived=".Length..].Trim();
            else if (line.StartsWith("haproxy=", StringComparison.Ordinal)) haproxy = line["haproxy=".Length..].Trim();
            else if (line.StartsWith("addr=", StringComparison.Ordinal))
            {
                // The script sends the interface and the entry's address word, the second and fourth words of ip's line.
                var parts = line["addr=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && VipHolding.LocalAddress(parts[1]) is { } address)
                    addresses.Add((parts[0], address));
            }
        }
        return new NodeHealth(keepalived ?? "unknown", haproxy ?? "unknown", addresses);
    }
}
