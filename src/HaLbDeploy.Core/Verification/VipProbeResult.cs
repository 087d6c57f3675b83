namespace HaLbDeploy.Core.Verification;

/// <summary>One probe of the VIP from the control host: a TCP connect, a TLS handshake and GET of the readiness path.</summary>
/// <param name="Connected">The TCP connection to VIP:port was accepted.</param>
/// <param name="TlsEstablished">The TLS handshake completed (the certificate is not checked: only the VIP is probed).</param>
/// <param name="HttpStatus">The status of the GET; null when no response line came back.</param>
/// <param name="Failure">What went wrong, e.g. "connect: timed out after 500 ms"; null on an HTTP response.</param>
/// <param name="ConnectTime">How long the TCP connect took; null when it failed.</param>
/// <param name="Elapsed">The whole probe.</param>
public sealed record VipProbeResult(bool Connected, bool TlsEstablished, int? HttpStatus, string? Failure, TimeSpan? ConnectTime, TimeSpan Elapsed)
{
    /// <summary>
    /// The API answered through the VIP: 200, or 401/403 from an API server that does not allow anonymous
    /// /readyz (TLS through the VIP then still works end to end).
    /// </summary>
    public bool Serves => HttpStatus is 200 or 401 or 403;

    /// <summary>"200", "connect: connection refused", ...</summary>
    public string Describe() => Failure ?? (HttpStatus is { } status ? $"HTTP {status}" : "no answer");
}
