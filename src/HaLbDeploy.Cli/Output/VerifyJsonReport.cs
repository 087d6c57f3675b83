using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON answer of verify (one object per round with --watch).</summary>
public sealed record VerifyJsonReport(
    string Command,
    DateTimeOffset At,
    bool Healthy,
    string Summary,
    string Vip,
    IReadOnlyList<string> VipHolders,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings,
    VerifyJsonProbe? VipProbe,
    VerifyJsonNeighbour? VipNeighbour,
    IReadOnlyList<VerifyJsonNode> Nodes,
    IReadOnlyList<VerifyJsonBackend> Backends)
{
    public static VerifyJsonReport From(VerificationReport r) => new(
        "verify", r.At, r.Healthy, r.Summary, r.Vip, r.VipHolders, r.Problems, r.Warnings,
        r.VipProbe is { } p ? new VerifyJsonProbe(r.VipTarget, p.Connected, p.TlsEstablished, p.HttpStatus, p.Serves, p.Failure,
            p.ConnectTime is { } c ? Math.Round(c.TotalMilliseconds, 1) : null, Math.Round(p.Elapsed.TotalMilliseconds, 1)) : null,
        r.VipNeighbour is { } a ? new VerifyJsonNeighbour(a.LinkLayerAddress, a.Device, r.VipNeighbourNode) : null,
        r.Nodes.Select(n => new VerifyJsonNode(n.Node, n.Address, n.Priority, n.Status.Reachable, n.Status.Error, n.VrrpState, n.Status.HoldsVip,
            new VerifyJsonUnit(n.Status.Keepalived.Enabled, n.Status.Keepalived.Active), new VerifyJsonUnit(n.Status.Haproxy.Enabled, n.Status.Haproxy.Active),
            n.Status.LinkUp, n.Status.LinkLayerAddress, n.Status.TrackCheckPassed, n.Status.StatsClient, n.Status.StatsError,
            n.Status.Backends.Select(b => new VerifyJsonServer(b.Server, b.Address, b.Status, b.IsUp, b.CheckStatus, b.CheckCode)).ToList())).ToList(),
        r.Backends.Select(b => new VerifyJsonBackend(b.Name, b.Address, b.UpSomewhere,
            b.Nodes.ToDictionary(n => n.Node, n => n.Status?.Status))).ToList());
}
