using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Output;

/// <summary>One node in verify's JSON.</summary>
public sealed record VerifyJsonNode(
    string Name, string Address, int Priority, bool Reachable, string? Error, DerivedVrrpState VrrpState, bool HoldsVip,
    VerifyJsonUnit Keepalived, VerifyJsonUnit Haproxy, bool? LinkUp, string? LinkLayerAddress, bool? TrackCheckPassed, string? StatsClient, string? StatsError,
    IReadOnlyList<VerifyJsonServer> Servers);
