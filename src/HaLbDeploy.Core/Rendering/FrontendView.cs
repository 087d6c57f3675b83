namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// One haproxy frontend/backend pair. <see cref="ServerOptions"/> is what follows `check` on each server line, e.g.
/// " check-ssl verify none send-proxy-v2"; <see cref="Balance"/> as haproxy spells it.
/// </summary>
internal sealed record FrontendView(
    string Name,
    int Port,
    string Balance,
    HealthCheckView HealthCheck,
    string ServerOptions,
    FrontendTimeoutsView Timeouts,
    IReadOnlyList<BackendView> Backends);
