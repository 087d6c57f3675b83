namespace HaLbDeploy.Core.Verification;

/// <summary>
/// One VIP address of a `vips:` list as verify found it: who holds it, which node its priorities prefer among the
/// nodes whose services are up, and the probe through it. A dual-stack pair is two of these with the same name.
/// </summary>
public sealed record VipVerification(
    string Name,
    string Address,
    IReadOnlyList<string> Holders,
    string? PreferredHolder,
    string Target,
    VipProbeResult? Probe);
