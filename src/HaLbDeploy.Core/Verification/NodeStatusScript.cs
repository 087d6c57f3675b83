using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Verification;

/// <summary>
/// The one read-only POSIX sh script verify runs on each node: unit states, the VRRP interface's link, the node's
/// IPv4 addresses, the result of keepalived's own track script, and haproxy's view of the backends from its stats
/// socket. Nothing is installed for this: the socket is read with the first client the node already has (socat,
/// python3, RHEL's platform-python, python 2 on CentOS 7, or perl, which Debian and Ubuntu always carry as
/// perl-base). Every command is guarded and time-limited, and the script always exits 0.
/// </summary>
public static class NodeStatusScript
{
    public const string Description = "read node status";

    private const string StatsBegin = ScriptMarkers.Prefix + "stats";
    private const string StatsEnd = ScriptMarkers.Prefix + "stats-end";

    /// <param name="interfaceName">The node's VRRP interface (the inventory's interface for it).</param>
    public static string Build(string interfaceName) =>
        Frame(UnitsLinkAndAddresses(interfaceName) + Firewall(interfaceName) + TrackCheck() + StatsSocket());

    /// <summary>A read script from <paramref name="sections"/>, with verify's prelude, helpers and end marker (status builds a leaner one).</summary>
    internal static string Frame(string sections) =>
        ScriptKit.AsFunction("halb_status", ScriptKit.ReadPrelude + ScriptKit.HasFunction + Limited + sections + $"echo '{ScriptMarkers.End}'\n") + ScriptKit.ExitZero;

    /// <summary>halb_limited COMMAND...: the command with a 10 s limit where timeout(1) exists.</summary>
    private const string Limited = "halb_limited() { if halb_has timeout; then timeout 10 \"$@\"; else \"$@\"; fi; }\n";

    /// <summary>The node's IPv4 addresses, one "addr" line each (the VIP test of <see cref="Parse"/> reads them).</summary>
    internal const string Addresses = "ip -o -4 addr show 2>/dev/null | while IFS= read -r halb_line; do echo \"addr $halb_line\"; done\n";

    /// <summary>The node's IPv6 addresses, one "addr6" line each, for IPv6 VIPs.</summary>
    private const string Addresses6 = "ip -o -6 addr show 2>/dev/null | while IFS= read -r halb_line; do echo \"addr6 $halb_line\"; done\n";

    /// <summary>The lines haproxy's `show stat` printed, as the script framed them; empty when it was not read.</summary>
    internal static IReadOnlyList<string> StatsLines(string output) =>
        (output ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .SkipWhile(l => l != StatsBegin).Skip(1).TakeWhile(l => l != StatsEnd).ToList();

    private static string UnitsLinkAndAddresses(string interfaceName) => $$"""
        echo '@@halb verify 1'
        for halb_unit in keepalived haproxy; do
          halb_enabled=$(halb_limited systemctl is-enabled "$halb_unit.service" 2>/dev/null)
          halb_active=$(halb_limited systemctl is-active "$halb_unit.service" 2>/dev/null)
          echo "unit $halb_unit ${halb_enabled:-not-found} ${halb_active:-unknown}"
        done
        halb_link=$(ip -o link show dev {{ScriptKit.Quote(interfaceName)}} 2>/dev/null)
        if [ -n "$halb_link" ]; then echo "link $halb_link"; else echo 'link-missing'; fi
        {{Addresses}}{{Addresses6}}
        """;

    /// <summary>Whether firewalld runs, and the runtime zone of the VRRP interface (what filters VRRP now).</summary>
    private static string Firewall(string interfaceName) => $$"""
        if halb_has firewall-cmd && halb_limited firewall-cmd --state >/dev/null 2>&1; then
          halb_zone=$(halb_limited firewall-cmd --get-zone-of-interface={{ScriptKit.Quote(interfaceName)}} 2>/dev/null || halb_limited firewall-cmd --get-default-zone 2>/dev/null)
          echo 'firewalld running'
          halb_limited firewall-cmd --zone="$halb_zone" --list-all 2>/dev/null | while IFS= read -r halb_line; do echo "fw $halb_line"; done
        else
          echo 'firewalld off'
        fi

        """;

    /// <summary>Runs keepalived's track script, time-limited, and says whether it passed.</summary>
    private static string TrackCheck() => $$"""
        if [ -x {{ScriptKit.Quote(NodePaths.HaproxyCheckScript)}} ]; then
          if halb_limited {{ScriptKit.Quote(NodePaths.HaproxyCheckScript)}} >/dev/null 2>&1; then echo 'track pass'; else echo 'track fail'; fi
        else
          echo 'track missing'
        fi

        """;

    /// <summary>The programs that read haproxy's admin socket on a node without socat; they run there, never here.</summary>
    private static readonly string PythonStatsClient = PlaybookFiles.Read("scripts/haproxy-show-stat.py");

    private static readonly string PerlStatsClient = PlaybookFiles.Read("scripts/haproxy-show-stat.pl");

    /// <summary>
    /// <paramref name="command"/> (by default "show stat") on haproxy's admin socket, with the first client the node
    /// has, its answer between the stats markers. Several commands go on one line separated by ";" (drain sends
    /// "set server ...;show stat").
    /// </summary>
    internal static string StatsSocket(string command = "show stat") => $$"""
        halb_sock={{ScriptKit.Quote(NodePaths.HaproxyAdminSocket)}}
        halb_cmd={{ScriptKit.Quote(command)}}
        halb_py={{ScriptKit.Quote(PythonStatsClient)}}
        halb_pl={{ScriptKit.Quote(PerlStatsClient)}}
        if [ ! -S "$halb_sock" ]; then
          echo "stats-error no stats socket at $halb_sock"

        """ +
        StatsClient("halb_has socat", "socat", "printf '%s\\n' \"$halb_cmd\" | halb_limited socat -t 5 - \"UNIX-CONNECT:$halb_sock\" 2>&1") +
        StatsClient("halb_has python3", "python3", "halb_limited python3 -c \"$halb_py\" \"$halb_sock\" \"$halb_cmd\" 2>&1") +
        StatsClient("[ -x /usr/libexec/platform-python ]", "platform-python", "halb_limited /usr/libexec/platform-python -c \"$halb_py\" \"$halb_sock\" \"$halb_cmd\" 2>&1") +
        StatsClient("halb_has python", "python", "halb_limited python -c \"$halb_py\" \"$halb_sock\" \"$halb_cmd\" 2>&1") +
        StatsClient("halb_has perl", "perl", "halb_limited perl -e \"$halb_pl\" \"$halb_sock\" \"$halb_cmd\" 2>&1") +
        "else\n  echo 'stats-error no client for the stats socket (socat, python3 or perl)'\nfi\n";

    private static string StatsClient(string condition, string name, string command) =>
        $"elif {condition}; then\n  echo 'stats-client {name}'; echo '{StatsBegin}'\n  {command}\n  echo '{StatsEnd}'\n";

    /// <summary>Types the script's output. Tolerant: what is missing stays unknown; never throws.</summary>
    public static NodeStatus Parse(string node, IPAddress vip, string output)
    {
        var lines = (output ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var status = new NodeStatus { Node = node };
        var addressLines = new List<string>(); // IPv4 and ("addr6") IPv6 entries; the IPv4 rule skips inet6 lines
        var stats = new List<string>();
        var inStats = false;
        var complete = false;
        string? statsError = null, statsClient = null;
        foreach (var line in lines)
        {
            if (inStats)
            {
                if (line == StatsEnd) inStats = false;
                else stats.Add(line);
                continue;
            }
            if (line == StatsBegin) inStats = true;
            else if (line == ScriptMarkers.End) complete = true;
            else if (line.StartsWith("unit ", StringComparison.Ordinal)) status = WithUnit(status, line);
            else if (line == "link-missing") status = status with { LinkUp = false };
            else if (line.StartsWith("link ", StringComparison.Ordinal))
                status = status with
                {
                    LinkUp = IpOutputParser.ParseLinks([line["link ".Length..]]).FirstOrDefault().LinkUp,
                    LinkLayerAddress = IpOutputParser.ParseLinkLayerAddress(line["link ".Length..]),
                };
            else if (line.StartsWith("addr ", StringComparison.Ordinal)) addressLines.Add(line["addr ".Length..]);
            else if (line.StartsWith("addr6 ", StringComparison.Ordinal)) addressLines.Add(line["addr6 ".Length..]);
            else if (line.StartsWith("track ", StringComparison.Ordinal))
                status = status with { TrackCheckPassed = line["track ".Length..] switch { "pass" => true, "fail" => false, _ => null } };
            else if (line.StartsWith("stats-client ", StringComparison.Ordinal)) statsClient = line["stats-client ".Length..].Trim();
            else if (line.StartsWith("stats-error ", StringComparison.Ordinal)) statsError = line["stats-error ".Length..].Trim();
        }

        var holds = VipHolding.HoldsIn(addressLines, vip);
        IReadOnlyList<BackendServerStatus> backends = [];
        if (statsClient is not null)
        {
            backends = HaproxyStatParser.Parse(string.Join('\n', stats));
            if (backends.Count == 0 && statsError is null)
            {
                var said = string.Join(' ', stats.Where(l => l.Trim().Length > 0)).Trim();
                statsError = said.Length > 0 ? $"{statsClient} could not read the stats socket: {said}" : $"the stats socket gave no server lines ({statsClient})";
            }
        }
        else if (statsError is null && complete)
        {
            statsError = "the stats socket was not read";
        }
        if (!complete) statsError ??= "the status output ended early";
        return WithFirewall(lines, status) with
        {
            HoldsVip = holds,
            LocalAddresses = VipHolding.LocalAddressesOfBothFamilies(addressLines),
            Backends = backends,
            StatsClient = statsClient,
            StatsError = statsError,
            Error = complete ? null : "the status script's output ended before its end marker",
        };
    }

    /// <summary>"firewalld running" or "firewalld off", and the zone listing on "fw " lines.</summary>
    private static NodeStatus WithFirewall(string[] lines, NodeStatus status)
    {
        bool? running = lines.Contains("firewalld running") ? true : lines.Contains("firewalld off") ? false : null;
        var zone = running == true
            ? FirewallZoneListParser.Parse(lines.Where(l => l.StartsWith("fw ", StringComparison.Ordinal)).Select(l => l["fw ".Length..])).FirstOrDefault()
            : null;
        return status with { FirewalldRunning = running, FirewallZone = zone };
    }

    private static NodeStatus WithUnit(NodeStatus status, string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4) return status;
        var unit = new ServiceStatus(words[1], words[2], words[3]);
        return words[1] switch
        {
            "keepalived" => status with { Keepalived = unit },
            "haproxy" => status with { Haproxy = unit },
            _ => status,
        };
    }
}
