namespace HaLbDeploy.Core.Verification;

/// <summary>
/// One frontend's port probed through the VIP. <see cref="ConnectOnly"/>: only the TCP connect is judged (frontends
/// whose check is http or tcp: their servers speak protocols verify does not); otherwise a TLS GET of the
/// check path, judged as the main VIP probe is.
/// </summary>
public sealed record FrontendProbe(string Frontend, int Port, string Target, bool ConnectOnly, VipProbeResult Result)
{
    public bool Answers => ConnectOnly ? Result.Connected : Result.Serves;
}
