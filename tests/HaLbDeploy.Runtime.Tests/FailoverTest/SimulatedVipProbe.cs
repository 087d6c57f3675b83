using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>Answers 200 while some node of the <see cref="SimulatedTier"/> holds the VIP, and times out otherwise.</summary>
public sealed class SimulatedVipProbe(SimulatedTier tier) : IVipProbe
{
    public string Target => $"https://{tier.Vip}:6443/readyz";

    public Task<VipProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(tier.HolderAt(DateTimeOffset.UtcNow) is null
            ? new VipProbeResult(false, false, null, "connect: timed out after 1000 ms", null, TimeSpan.FromSeconds(1))
            : new VipProbeResult(true, true, 200, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)));
}
