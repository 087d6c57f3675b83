using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Status;

/// <summary>
/// The one read-only script `status` runs on each node: verify's read (<see cref="NodeStatusScript"/>: units, VIP,
/// haproxy's `show stat`), plus the node's clock and the notify script's transition log. It writes nothing, starts
/// and stops nothing, and always exits 0.
/// </summary>
public static class TierStatusScript
{
    public const string Description = "read tier status";

    private const string ClockLine = ScriptMarkers.Prefix + "clock ";
    private const string LogBegin = ScriptMarkers.Prefix + "transitions";
    private const string LogEnd = ScriptMarkers.Prefix + "transitions-end";
    private const string LogMissing = ScriptMarkers.Prefix + "transitions-missing";
    private const string UnitsBegin = ScriptMarkers.Prefix + "units";
    private const string UnitsEnd = ScriptMarkers.Prefix + "units-end";

    /// <summary>
    /// Leaner than verify's read, since status shows less: both units in one `systemctl show` (verify asks systemctl
    /// four times), no link and no run of the track script; the same addresses and `show stat`.
    /// </summary>
    public static string Build() => NodeStatusScript.Frame($$"""
        echo '{{UnitsBegin}}'
        halb_limited systemctl show -p Id,LoadState,UnitFileState,ActiveState,SubState keepalived.service haproxy.service 2>/dev/null
        echo '{{UnitsEnd}}'
        {{NodeStatusScript.Addresses}}
        """ + NodeStatusScript.StatsSocket() + $$"""
        echo "{{ClockLine}}$(date +%s%N 2>/dev/null)"
        halb_log={{ScriptKit.Quote(NodePaths.VrrpTransitionLog)}}
        if [ -f "$halb_log" ]; then
          echo '{{LogBegin}}'
          tail -n {{NodePaths.TransitionLogLines}} "$halb_log" 2>/dev/null
          echo '{{LogEnd}}'
        else
          echo '{{LogMissing}}'
        fi

        """);

    /// <summary>Types the script's output. Tolerant, like verify's parser: what is missing stays unknown.</summary>
    public static NodeReading Parse(string node, IPAddress vip, string output)
    {
        var lines = (output ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var status = NodeStatusScript.Parse(node, vip, output ?? "");
        foreach (var unit in SystemctlShowParser.Parse(Between(lines, UnitsBegin, UnitsEnd)))
        {
            var state = new ServiceStatus(unit.Name.Replace(".service", "", StringComparison.Ordinal),
                unit.Exists ? unit.UnitFileState is "" ? "unknown" : unit.UnitFileState : "not-found", unit.Exists ? unit.ActiveState : "unknown");
            status = state.Name switch
            {
                "keepalived" => status with { Keepalived = state },
                "haproxy" => status with { Haproxy = state },
                _ => status,
            };
        }
        var clockText = lines.FirstOrDefault(l => l.StartsWith(ClockLine, StringComparison.Ordinal))?[ClockLine.Length..];
        DateTimeOffset? clock = EpochClockParser.Parse(clockText is null ? [] : [clockText]) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        var log = Between(lines, LogBegin, LogEnd);
        var found = lines.Contains(LogBegin);
        var frontends = HaproxyStatParser.Frontends(string.Join('\n', NodeStatusScript.StatsLines(output ?? "")));
        return new NodeReading(status, clock, found ? TransitionLogParser.Parse(log) : [], found, frontends);
    }

    private static IEnumerable<string> Between(string[] lines, string begin, string end) =>
        lines.SkipWhile(l => l != begin).Skip(1).TakeWhile(l => l != end);
}
