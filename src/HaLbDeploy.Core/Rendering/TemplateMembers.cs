using System.Diagnostics.CodeAnalysis;
using Fluid;

namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// Every member of the template model the templates may read, each under its snake_case name with a plain getter:
/// Fluid reads the model through these instead of reflecting over its types, so no member depends on what the trimmer
/// or the Native AOT compiler keeps, and a member missing here is a strict-variables error in the unit tests, not an
/// empty string in a config. A unit test checks this list against the model's public properties, name for name.
/// </summary>
internal static class TemplateMembers
{
    public static IReadOnlyList<TemplateMember> All { get; } =
    [
        Member<TemplateModel, string>("cluster", m => m.Cluster),
        Member<TemplateModel, NodeView>("node", m => m.Node),
        Member<TemplateModel, IReadOnlyList<string>>("peers", m => m.Peers),
        Member<TemplateModel, VirtualIpView>("vip", m => m.Vip),
        Member<TemplateModel, VrrpView>("vrrp", m => m.Vrrp),
        Member<TemplateModel, int>("frontend_port", m => m.FrontendPort),
        Member<TemplateModel, IReadOnlyList<BackendView>>("backends", m => m.Backends),
        Member<TemplateModel, HealthCheckView>("health_check", m => m.HealthCheck),
        Member<TemplateModel, TimeoutsView>("timeouts", m => m.Timeouts),
        Member<TemplateModel, PathsView>("paths", m => m.Paths),
        Member<TemplateModel, MetricsView>("metrics", m => m.Metrics),
        Member<TemplateModel, IReadOnlyList<FrontendView>>("frontends", m => m.Frontends),
        Member<TemplateModel, IReadOnlyList<VrrpInstanceView>>("instances", m => m.Instances),
        Member<TemplateModel, IReadOnlyList<VrrpSyncGroupView>>("sync_groups", m => m.SyncGroups),
        Member<TemplateModel, string>("vip_summary", m => m.VipSummary),
        Member<TemplateModel, bool>("bind_ipv6", m => m.BindIpv6),

        Member<NodeView, string>("name", m => m.Name),
        Member<NodeView, string>("address", m => m.Address),
        Member<NodeView, int>("priority", m => m.Priority),
        Member<NodeView, string>("interface", m => m.Interface),
        Member<NodeView, string>("state", m => m.State),
        Member<NodeView, bool>("track_process", m => m.TrackProcess),
        Member<NodeView, bool>("track_file", m => m.TrackFile),

        Member<VirtualIpView, string>("address", m => m.Address),
        Member<VirtualIpView, int>("prefix_length", m => m.PrefixLength),
        Member<VirtualIpView, string>("cidr", m => m.Cidr),

        Member<VrrpView, string>("instance", m => m.Instance),
        Member<VrrpView, int>("virtual_router_id", m => m.VirtualRouterId),
        Member<VrrpView, string>("advert_int", m => m.AdvertInt),
        Member<VrrpView, bool>("unicast", m => m.Unicast),
        Member<VrrpView, string>("multicast_group", m => m.MulticastGroup),
        Member<VrrpView, bool>("custom_multicast_group", m => m.CustomMulticastGroup),
        Member<VrrpView, bool>("preempt", m => m.Preempt),
        Member<VrrpView, bool>("strict", m => m.Strict),
        Member<VrrpView, bool>("accept", m => m.Accept),
        Member<VrrpView, bool>("authenticate", m => m.Authenticate),
        Member<VrrpView, string>("auth_pass", m => m.AuthPass),
        Member<VrrpView, int>("track_weight", m => m.TrackWeight),
        Member<VrrpView, int>("track_interval", m => m.TrackInterval),
        Member<VrrpView, int>("track_fall", m => m.TrackFall),
        Member<VrrpView, int>("track_rise", m => m.TrackRise),
        Member<VrrpView, int>("garp_refresh", m => m.GarpRefresh),
        Member<VrrpView, bool>("fast", m => m.Fast),
        Member<VrrpView, int>("preempt_delay", m => m.PreemptDelay),

        Member<BackendView, string>("name", m => m.Name),
        Member<BackendView, string>("address", m => m.Address),
        Member<BackendView, int>("port", m => m.Port),

        Member<HealthCheckView, string>("path", m => m.Path),
        Member<HealthCheckView, string>("interval", m => m.Interval),
        Member<HealthCheckView, int>("fall", m => m.Fall),
        Member<HealthCheckView, int>("rise", m => m.Rise),
        Member<HealthCheckView, string>("kind", m => m.Kind),

        Member<TimeoutsView, string>("connect", m => m.Connect),
        Member<TimeoutsView, string>("client", m => m.Client),
        Member<TimeoutsView, string>("server", m => m.Server),

        Member<PathsView, string>("check_script", m => m.CheckScript),
        Member<PathsView, string>("haproxy_admin_socket", m => m.HaproxyAdminSocket),
        Member<PathsView, string>("notify_script", m => m.NotifyScript),
        Member<PathsView, string>("state_directory", m => m.StateDirectory),
        Member<PathsView, string>("transition_log", m => m.TransitionLog),
        Member<PathsView, string>("metrics_file", m => m.MetricsFile),
        Member<PathsView, int>("transition_log_lines", m => m.TransitionLogLines),
        Member<PathsView, string>("haproxy_down_file", m => m.HaproxyDownFile),
        Member<PathsView, string>("haproxy_track_drop_in", m => m.HaproxyTrackDropIn),

        Member<MetricsView, bool>("enabled", m => m.Enabled),
        Member<MetricsView, string>("bind", m => m.Bind),
        Member<MetricsView, int>("port", m => m.Port),
        Member<MetricsView, string>("haproxy_path", m => m.HaproxyPath),
        Member<MetricsView, string>("vrrp_path", m => m.VrrpPath),
        Member<MetricsView, string>("lua_script", m => m.LuaScript),

        Member<FrontendView, string>("name", m => m.Name),
        Member<FrontendView, int>("port", m => m.Port),
        Member<FrontendView, string>("balance", m => m.Balance),
        Member<FrontendView, HealthCheckView>("health_check", m => m.HealthCheck),
        Member<FrontendView, string>("server_options", m => m.ServerOptions),
        Member<FrontendView, FrontendTimeoutsView>("timeouts", m => m.Timeouts),
        Member<FrontendView, IReadOnlyList<BackendView>>("backends", m => m.Backends),
        Member<FrontendView, string>("vip_name", m => m.VipName),
        Member<FrontendView, IReadOnlyList<string>>("vip_binds", m => m.VipBinds),

        Member<FrontendTimeoutsView, string>("connect", m => m.Connect),
        Member<FrontendTimeoutsView, string>("client", m => m.Client),
        Member<FrontendTimeoutsView, string>("server", m => m.Server),

        Member<VrrpInstanceView, string>("name", m => m.Name),
        Member<VrrpInstanceView, string>("state", m => m.State),
        Member<VrrpInstanceView, string>("interface", m => m.Interface),
        Member<VrrpInstanceView, int>("virtual_router_id", m => m.VirtualRouterId),
        Member<VrrpInstanceView, int>("priority", m => m.Priority),
        Member<VrrpInstanceView, bool>("version3", m => m.Version3),
        Member<VrrpInstanceView, string>("source", m => m.Source),
        Member<VrrpInstanceView, IReadOnlyList<string>>("peers", m => m.Peers),
        Member<VrrpInstanceView, string>("cidr", m => m.Cidr),

        Member<VrrpSyncGroupView, string>("name", m => m.Name),
        Member<VrrpSyncGroupView, IReadOnlyList<string>>("instances", m => m.Instances),
    ];

    private const DynamicallyAccessedMemberTypes KeptMembers =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties;

    public static void RegisterAll(MemberAccessStrategy strategy)
    {
        foreach (var member in All)
        {
            member.Register(strategy);
        }
    }

    // Fluid's Register asks the trimmer to keep the model type's public members; the getters use only its properties.
    private static TemplateMember Member<[DynamicallyAccessedMembers(KeptMembers)] TModel, TValue>(string name, Func<TModel, TValue> getter) =>
        new(typeof(TModel), name, strategy => strategy.Register(name, getter));
}
