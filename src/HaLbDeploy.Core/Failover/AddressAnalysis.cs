using System.Net;

namespace HaLbDeploy.Core.Failover;

/// <summary>
/// Another address of the faulted VIP's sync group (the IPv6 half of a dual-stack pair), measured beside the main one:
/// its own holder samples and probes, judged against the same bounds.
/// </summary>
public sealed record AddressAnalysis(IPAddress Address, FailoverObservation Observation, FailoverAnalysis Analysis)
{
    public bool Passed => Analysis.Passed;
}
