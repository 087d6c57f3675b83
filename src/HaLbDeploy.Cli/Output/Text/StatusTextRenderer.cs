using System.Globalization;
using HaLbDeploy.Core.Status;

namespace HaLbDeploy.Cli.Output.Text;

/// <summary>
/// status's answer for people: the VIP line, a node table (state, since, transitions, flapping), each node's
/// transitions of the last day, the backend servers per node, problems and the verdict. Times are UTC, to the millisecond.
/// </summary>
public static class StatusTextRenderer
{
    public static void Write(TextWriter output, TierStatusReport report)
    {
        output.WriteLine(VipLine(report));
        output.WriteLine();
        WriteNodes(output, report.Nodes);
        WriteTransitions(output, report.Nodes);
        WriteServers(output, report.Nodes);
        output.WriteLine();
        foreach (var problem in report.Problems) output.WriteLine($"problem: {problem}");
        foreach (var node in report.Nodes.Where(n => n.Reachable && !n.LogFound))
            output.WriteLine($"note: {node.Node} has no transition log yet (apply installs the notify script that writes it)");
        output.WriteLine(report.Summary);
    }

    private static string VipLine(TierStatusReport report)
    {
        var holders = report.VipHolders.Count == 0 ? "nobody" : string.Join(", ", report.VipHolders);
        var since = report.HolderSince is { } at ? $" since {Time(at)} ({Age(report.At - at)} ago)" : "";
        return $"VIP {report.Vip} held by {holders}{since}; it moved {report.VipMovesLastHour} time(s) in the last hour, {report.VipMovesLastDay} in the last day";
    }

    private static void WriteNodes(TextWriter output, IReadOnlyList<NodeTierStatus> nodes)
    {
        var rows = new List<string[]> { new[] { "NODE", "ADDRESS", "VRRP", "SINCE", "VIP", "KEEPALIVED", "HAPROXY", "LAST HOUR", "LAST DAY", "TOOK VIP (1h)", "FLAPPING" } };
        foreach (var n in nodes)
        {
            rows.Add(n.Reachable && n.Error is null
                ? [n.Node, n.Address, n.VrrpState, n.StateSince is { } at ? Time(at) : "-", n.HoldsVip ? "yes" : "-", n.Keepalived.Active, n.Haproxy.Active,
                   Count(n.TransitionsLastHour), Count(n.TransitionsLastDay), Count(n.MasterEntriesLastHour), n.Flapping ? "YES" : "-"]
                : [n.Node, n.Address, "UNKNOWN", "?", "?", "?", "?", "?", "?", "?", "?"]);
        }
        TextTable.Write(output, rows);
    }

    private static void WriteTransitions(TextWriter output, IReadOnlyList<NodeTierStatus> nodes)
    {
        var rows = new List<string[]> { new[] { "NODE", "AT (UTC)", "KIND", "NAME", "STATE", "PRIORITY" } };
        rows.AddRange(nodes.SelectMany(n => n.Recent.Select(t => new[] { n.Node, Time(t.At), t.Kind, t.Name, t.State, Count(t.Priority) })));
        if (rows.Count == 1) return;
        output.WriteLine();
        output.WriteLine("transitions of the last day:");
        TextTable.Write(output, rows);
    }

    private static void WriteServers(TextWriter output, IReadOnlyList<NodeTierStatus> nodes)
    {
        var rows = new List<string[]> { new[] { "BACKEND", "SERVER", "ADDRESS", "NODE", "STATE", "LAST CHANGE (UTC)", "SESSIONS" } };
        rows.AddRange(nodes.SelectMany(n => n.Servers.Select(s => new[]
        {
            s.Backend, s.Server, s.Address, n.Node, s.Described, s.LastChange is { } at ? Time(at) : "?", s.CurrentSessions is { } c ? c.ToString(CultureInfo.InvariantCulture) : "?",
        })).OrderBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal));
        var frontends = nodes.SelectMany(n => n.Frontends.Select(f => $"{n.Node} {f.Frontend} {(f.CurrentSessions is { } c ? c.ToString(CultureInfo.InvariantCulture) : "?")}")).ToList();
        var errors = nodes.Where(n => n.Reachable && n.StatsError is not null).Select(n => $"{n.Node}: servers unknown: {n.StatsError}").ToList();
        if (rows.Count == 1 && frontends.Count == 0 && errors.Count == 0) return;
        output.WriteLine();
        if (rows.Count > 1) TextTable.Write(output, rows);
        if (frontends.Count > 0) output.WriteLine($"frontend sessions now: {string.Join(", ", frontends)}");
        foreach (var error in errors) output.WriteLine(error);
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds}s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m {age.Seconds}s",
        { TotalDays: < 1 } => $"{(int)age.TotalHours}h {age.Minutes}m",
        _ => $"{(int)age.TotalDays}d {age.Hours}h",
    };
}
