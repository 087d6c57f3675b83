using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Ports;

/// <summary>Probes the VIP from the control host. Never throws for a failed probe: the failure is in the result.</summary>
public interface IVipProbe
{
    /// <summary>What is probed, e.g. "https://10.211.0.100:6443/readyz".</summary>
    string Target { get; }

    Task<VipProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
