using System.Text.Json.Serialization;
using HaLbDeploy.Core.Status;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>status's answer for machines: one document per round (one line each with --watch). Times are UTC with their full precision.</summary>
public static partial class StatusJsonRenderer
{
    public static void Write(TextWriter output, TierStatusReport report, bool oneLine = false) =>
        JsonOutput.Write(output, StatusJson.From(report), StatusShapes.Default, oneLine);

    internal sealed record StatusJson(
        string Command, DateTimeOffset At, bool Healthy, string Summary, string Vip, IReadOnlyList<string> VipHolders, DateTimeOffset? HolderSince,
        int VipMovesLastHour, int VipMovesLastDay, IReadOnlyList<string> Problems, IReadOnlyList<NodeJson> Nodes)
    {
        public static StatusJson From(TierStatusReport r) => new("status", r.At, r.Healthy, r.Summary, r.Vip, r.VipHolders, r.HolderSince,
            r.VipMovesLastHour, r.VipMovesLastDay, r.Problems, r.Nodes.Select(NodeJson.From).ToList());
    }

    internal sealed record NodeJson(
        string Name, string Address, bool Reachable, string? Error, DateTimeOffset? Clock, bool HoldsVip, string VrrpState, DateTimeOffset? StateSince,
        string Keepalived, string Haproxy, int TransitionsLastHour, int TransitionsLastDay, int MasterEntriesLastHour, bool Flapping, bool LogFound,
        IReadOnlyList<TransitionJson> Transitions, IReadOnlyList<FrontendJson> Frontends, IReadOnlyList<ServerJson> Servers, string? StatsError)
    {
        public static NodeJson From(NodeTierStatus n) => new(n.Node, n.Address, n.Reachable, n.Error, n.Clock, n.HoldsVip, n.VrrpState, n.StateSince,
            n.Keepalived.Active, n.Haproxy.Active, n.TransitionsLastHour, n.TransitionsLastDay, n.MasterEntriesLastHour, n.Flapping, n.LogFound,
            n.Recent.Select(t => new TransitionJson(t.At, t.Kind, t.Name, t.State, t.Priority)).ToList(),
            n.Frontends.Select(f => new FrontendJson(f.Frontend, f.CurrentSessions)).ToList(),
            n.Servers.Select(s => new ServerJson(s.Backend, s.Server, s.Address, s.Status, s.Up, s.LastChange, s.CurrentSessions)).ToList(),
            n.StatsError);
    }

    internal sealed record TransitionJson(DateTimeOffset At, string Kind, string Name, string State, int Priority);

    internal sealed record FrontendJson(string Name, long? CurrentSessions);

    internal sealed record ServerJson(string Backend, string Name, string Address, string Status, bool Up, DateTimeOffset? LastChange, long? CurrentSessions);

    [JsonSerializable(typeof(StatusJson))]
    private sealed partial class StatusShapes : JsonSerializerContext;
}
