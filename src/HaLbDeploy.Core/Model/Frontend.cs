namespace HaLbDeploy.Core.Model;

/// <summary>
/// One haproxy frontend/backend pair in TCP mode: clients connect to *:<see cref="Port"/> (the VIP among them), or with
/// <see cref="Vip"/> to that VIP's addresses only, and haproxy spreads them over <see cref="Backends"/>. The one-frontend shorthand (`frontend:`, `backends:`, `health_check:`) is
/// the frontend named <see cref="ShorthandName"/>.
/// </summary>
/// <param name="BackendSet">The `backend_sets:` entry the backends come from; null when the frontend lists its own.</param>
/// <param name="SendProxyV2">Servers get a PROXY protocol v2 header (haproxy's send-proxy-v2, its checks too), so they see the client's address.</param>
/// <param name="Vip">The name of the `vips:` entry whose addresses alone the frontend binds (`vip:`); null: *:PORT, every address.</param>
public sealed record Frontend(
    string Name,
    int Port,
    IReadOnlyList<Backend> Backends,
    string? BackendSet,
    HealthCheck HealthCheck,
    BalanceAlgorithm Balance,
    FrontendTimeouts Timeouts,
    bool SendProxyV2,
    FrontendFields Fields,
    string? Vip = null)
{
    /// <summary>The haproxy section name of the shorthand's frontend and backend, as rendered before `frontends:` existed.</summary>
    public const string ShorthandName = "kube-apiserver";
}
