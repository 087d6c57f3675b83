using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Verify;

/// <summary>How verify probes one frontend's port through the VIP (see <see cref="Core.Verification.FrontendProbe"/>).</summary>
public sealed record FrontendProber(string Frontend, int Port, bool ConnectOnly, IVipProbe Probe);
