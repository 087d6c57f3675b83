using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Status;

/// <summary>
/// Turns the nodes' readings into `status`'s report. Pure: the hour and day windows end at each node's own clock as
/// it was read (the log's timestamps come from that clock), or at <c>now</c> when a node's clock is unknown.
/// Problems: not exactly one VIP holder, a node unreadable, keepalived or haproxy not active, a node flapping,
/// a haproxy with no server up.
/// </summary>
public static class StatusAnalyzer
{
    /// <summary>A node that took the VIP this often within an hour is flapping (docs/monitoring.md's alert uses the same number).</summary>
    public const int FlappingMasterEntries = 3;

    /// <summary>How many of a node's transitions of the last day the report lists.</summary>
    public const int RecentTransitions = 20;

    public static TierStatusReport Analyze(Inventory inventory, IReadOnlyList<NodeReading> readings, DateTimeOffset now)
    {
        var instance = "VI_" + inventory.ClusterName;
        var nodes = inventory.Nodes.Select(n => Node(n, readings.FirstOrDefault(r => r.Status.Node == n.Name), instance, now)).ToList();
        var holders = nodes.Where(n => n.Reachable && n.HoldsVip).Select(n => n.Node).ToList();
        var ofInstance = readings.SelectMany(r => r.Transitions.Where(t => t.Kind == "INSTANCE" && t.Name == instance).Select(t => (t, end: r.Clock ?? now))).ToList();
        return new TierStatusReport
        {
            At = now,
            Vip = inventory.Vip.Address.ToString(),
            VipHolders = holders,
            HolderSince = holders.Count == 1 && nodes.Single(n => n.Node == holders[0]) is { VrrpState: "MASTER" } holder ? holder.StateSince : null,
            VipMovesLastHour = ofInstance.Count(x => x.t.EntersMaster && x.t.At > x.end - TimeSpan.FromHours(1)),
            VipMovesLastDay = ofInstance.Count(x => x.t.EntersMaster && x.t.At > x.end - TimeSpan.FromDays(1)),
            Nodes = nodes,
            Problems = Problems(nodes, holders),
        };
    }

    private static NodeTierStatus Node(LbNode node, NodeReading? reading, string instance, DateTimeOffset now)
    {
        reading ??= NodeReading.Unreachable(node.Name, "not read");
        var status = reading.Status;
        var end = reading.Clock ?? now;
        var mine = reading.Transitions.Where(t => t.Kind == "INSTANCE" && t.Name == instance).ToList();
        var lastDay = reading.Transitions.Where(t => t.At > end - TimeSpan.FromDays(1)).ToList();
        var lastHour = mine.Where(t => t.At > end - TimeSpan.FromHours(1)).ToList();
        var masters = lastHour.Count(t => t.EntersMaster);
        return new NodeTierStatus
        {
            Node = node.Name,
            Address = node.Address.ToString(),
            Reachable = status.Reachable,
            Error = status.Error,
            HoldsVip = status.HoldsVip,
            VrrpState = mine.Count > 0 ? mine[^1].State : "UNKNOWN",
            StateSince = mine.Count > 0 ? mine[^1].At : null,
            Keepalived = status.Keepalived,
            Haproxy = status.Haproxy,
            TransitionsLastHour = lastHour.Count,
            TransitionsLastDay = mine.Count(t => t.At > end - TimeSpan.FromDays(1)),
            MasterEntriesLastHour = masters,
            Flapping = masters >= FlappingMasterEntries,
            Recent = lastDay.TakeLast(RecentTransitions).ToList(),
            LogFound = reading.LogFound,
            Servers = status.Backends.Select(b => new ServerAt(b.Proxy, b.Server, b.Address, b.Status, b.IsUp, b.Describe(),
                b.SecondsSinceChange is { } s && reading.Clock is { } clock ? clock - TimeSpan.FromSeconds(s) : null, b.CurrentSessions)).ToList(),
            Frontends = reading.Frontends,
            StatsError = status.StatsError,
            Clock = reading.Clock,
        };
    }

    private static List<string> Problems(IReadOnlyList<NodeTierStatus> nodes, IReadOnlyList<string> holders)
    {
        var problems = new List<string>();
        if (holders.Count == 0) problems.Add("no node holds the VIP");
        else if (holders.Count > 1) problems.Add($"{holders.Count} nodes hold the VIP (split brain): {string.Join(", ", holders)}");
        foreach (var node in nodes)
        {
            if (!node.Reachable || node.Error is not null)
            {
                problems.Add($"{node.Node}: not read: {node.Error}");
                continue;
            }
            foreach (var unit in new[] { node.Keepalived, node.Haproxy }.Where(u => u.Active != "active"))
                problems.Add($"{node.Node}: {unit.Name} is {unit.Active}");
            if (node.Flapping)
                problems.Add($"{node.Node}: flapping: took the VIP {node.MasterEntriesLastHour} times in the last hour");
            if (node.StatsError is null && node.Servers.Count > 0 && !node.Servers.Any(s => s.Up))
                problems.Add($"{node.Node}: haproxy has no backend server up");
        }
        return problems;
    }
}
