namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// One haproxy frontend/backend pair. <see cref="ServerOptions"/> is what follows `check` on each server line, e.g.
/// " check-ssl verify none send-proxy-v2"; <see cref="Balance"/> as haproxy spells it. <see cref="VipBinds"/> holds
/// ADDRESS:PORT for each address of the VIP the frontend is bound to (IPv6 as [ADDRESS]:PORT), <see cref="VipName"/>
/// that VIP's name; both empty for a frontend that binds *:PORT.
/// </summary>
internal sealed record FrontendView(
    string Name,
    int Port,
    string Balance,
    HealthCheckView HealthCheck,
    string ServerOptions,
    FrontendTimeoutsView Timeouts,
    IReadOnlyList<BackendView> Backends,
    string VipName,
    IReadOnlyList<string> VipBinds);
