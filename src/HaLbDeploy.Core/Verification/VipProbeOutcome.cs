namespace HaLbDeploy.Core.Verification;

/// <summary>The probe of one VIP address: what was probed (https://ADDRESS:PORT/PATH) and what it gave; null: not probed.</summary>
public sealed record VipProbeOutcome(string Address, string Target, VipProbeResult? Result);
