using System.Text.Json.Serialization;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>
/// verify's answer for machines: one document per round. The records below are the document's shape, declared here
/// only; failover-test's document holds the rounds before and after the test in the same shape.
/// </summary>
public static partial class VerifyJsonRenderer
{
    /// <param name="oneLine">One compact line, as verify --watch prints each round.</param>
    public static void Write(TextWriter output, VerificationReport report, bool oneLine = false) =>
        JsonOutput.Write(output, RoundJson.From(report), VerifyShapes.Default, oneLine);

    internal sealed record RoundJson(
        string Command,
        DateTimeOffset At,
        bool Healthy,
        string Summary,
        string Vip,
        IReadOnlyList<string> VipHolders,
        IReadOnlyList<string> Problems,
        IReadOnlyList<string> Warnings,
        ProbeJson? VipProbe,
        NeighbourJson? VipNeighbour,
        IReadOnlyList<NodeJson> Nodes,
        IReadOnlyList<BackendJson> Backends,
        IReadOnlyList<FrontendProbeJson> FrontendProbes,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<VipJson>? Vips)
    {
        public static RoundJson From(VerificationReport r) => new(
            "verify", r.At, r.Healthy, r.Summary, r.Vip, r.VipHolders, r.Problems, r.Warnings,
            r.VipProbe is { } p ? ProbeJson.From(r.VipTarget, p) : null,
            r.VipNeighbour is { } a ? new NeighbourJson(a.LinkLayerAddress, a.Device, r.VipNeighbourNode) : null,
            r.Nodes.Select(NodeJson.From).ToList(),
            r.Backends.Select(BackendJson.From).ToList(),
            r.OtherFrontendProbes.Select(FrontendProbeJson.From).ToList(),
            r.Vips.Count == 0 ? null : r.Vips.Select(v => new VipJson(v.Name, v.Address, v.Holders, v.PreferredHolder, v.Probe is { } p ? ProbeJson.From(v.Target, p) : null)).ToList());
    }

    /// <summary>A frontend after the first, probed through the VIP; connect_only: only the TCP connect is judged.</summary>
    internal sealed record FrontendProbeJson(string Frontend, int Port, bool ConnectOnly, bool Answers, ProbeJson Probe)
    {
        public static FrontendProbeJson From(FrontendProbe f) => new(f.Frontend, f.Port, f.ConnectOnly, f.Answers, ProbeJson.From(f.Target, f.Result));
    }

    /// <summary>One VIP address of a `vips:` list (absent for the `vip:` shorthand): its holders, the node its priorities prefer, its probe.</summary>
    internal sealed record VipJson(string Name, string Address, IReadOnlyList<string> Holders, string? PreferredHolder, ProbeJson? Probe);

    /// <summary>The control host's probe of the VIP.</summary>
    internal sealed record ProbeJson(string Target, bool Connected, bool TlsEstablished, int? HttpStatus, bool Serves, string? Failure, double? ConnectMs, double ElapsedMs)
    {
        public static ProbeJson From(string target, VipProbeResult p) => new(target, p.Connected, p.TlsEstablished, p.HttpStatus, p.Serves, p.Failure,
            p.ConnectTime is { } c ? Math.Round(c.TotalMilliseconds, 1) : null, Math.Round(p.Elapsed.TotalMilliseconds, 1));
    }

    /// <summary>This machine's ARP entry for the VIP: the hardware address, the local device, and the LB node that has it (null: none).</summary>
    internal sealed record NeighbourJson(string LinkLayerAddress, string Device, string? Node);

    internal sealed record NodeJson(
        string Name, string Address, int Priority, bool Reachable, string? Error, DerivedVrrpState VrrpState, bool HoldsVip,
        UnitJson Keepalived, UnitJson Haproxy, bool? LinkUp, string? LinkLayerAddress, bool? TrackCheckPassed, string? StatsClient, string? StatsError,
        IReadOnlyList<ServerJson> Servers)
    {
        public static NodeJson From(NodeVerification n) => new(n.Node, n.Address, n.Priority, n.Status.Reachable, n.Status.Error, n.VrrpState, n.Status.HoldsVip,
            UnitJson.From(n.Status.Keepalived), UnitJson.From(n.Status.Haproxy),
            n.Status.LinkUp, n.Status.LinkLayerAddress, n.Status.TrackCheckPassed, n.Status.StatsClient, n.Status.StatsError,
            n.Status.Backends.Select(b => new ServerJson(b.Server, b.Address, b.Status, b.IsUp, b.IsDrained, b.CurrentSessions, b.CheckStatus, b.CheckCode, b.Proxy)).ToList());
    }

    /// <summary>A unit's is-enabled and is-active words.</summary>
    internal sealed record UnitJson(string Enabled, string Active)
    {
        public static UnitJson From(ServiceStatus unit) => new(unit.Enabled, unit.Active);
    }

    /// <summary>One server line of a node's haproxy stats; drained: set to drain by halb-deploy drain; sessions: open now; backend is haproxy's backend section (the frontend's name).</summary>
    internal sealed record ServerJson(string Name, string Address, string Status, bool Up, bool Drained, long? Sessions, string CheckStatus, int? CheckCode, string Backend);

    /// <summary>One API server of one frontend across all nodes; status_by_node holds haproxy's word per node (null: unknown); drained_on the nodes that drain it.</summary>
    internal sealed record BackendJson(string Name, string Address, bool UpSomewhere, IReadOnlyList<string> DrainedOn, IReadOnlyDictionary<string, string?> StatusByNode, string Frontend)
    {
        public static BackendJson From(BackendVerification b) => new(b.Name, b.Address, b.UpSomewhere, b.DrainedOn, b.Nodes.ToDictionary(n => n.Node, n => n.Status?.Status), b.Frontend);
    }

    [JsonSerializable(typeof(RoundJson))]
    private sealed partial class VerifyShapes : JsonSerializerContext;
}
