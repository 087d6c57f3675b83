namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// What every template sees, already formatted as text the configuration languages accept. Members reach the
/// templates in snake_case: <c>{{ node.name }}</c>, <c>{{ health_check.path }}</c>, <c>{% for backend in backends %}</c>.
/// <c>frontends</c> holds every haproxy frontend; <c>frontend_port</c>, <c>backends</c> and <c>health_check</c> are the
/// first one's, for templates written for the one-frontend shorthand.
/// </summary>
internal sealed record TemplateModel(
    string Cluster,
    NodeView Node,
    IReadOnlyList<string> Peers,
    VirtualIpView Vip,
    VrrpView Vrrp,
    int FrontendPort,
    IReadOnlyList<BackendView> Backends,
    HealthCheckView HealthCheck,
    TimeoutsView Timeouts,
    PathsView Paths,
    MetricsView Metrics,
    IReadOnlyList<FrontendView> Frontends,
    IReadOnlyList<VrrpInstanceView> Instances,
    IReadOnlyList<VrrpSyncGroupView> SyncGroups,
    string VipSummary,
    bool BindIpv6);
