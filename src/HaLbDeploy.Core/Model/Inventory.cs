namespace HaLbDeploy.Core.Model;

/// <summary>A parsed, typed inventory: everything needed to render and converge the LB tier. <see cref="Metrics"/> is null unless asked for.</summary>
/// <param name="Vip">The first address of the first VIP (the API VIP); <see cref="Vips"/> has them all.</param>
/// <param name="ProbeFrom">Where verify and failover-test probe the VIP from (`probe_from`, see <see cref="ProbeOrigin"/>); null: the control host.</param>
public sealed record Inventory(
    string SourcePath,
    string ClusterName,
    VirtualIp Vip,
    string DefaultInterface,
    int VirtualRouterId,
    bool VirtualRouterIdDerived,
    int AdvertIntSeconds,
    VrrpSettings Vrrp,
    IReadOnlyList<LbNode> Nodes,
    int FrontendPort,
    IReadOnlyList<Backend> Backends,
    HealthCheck HealthCheck,
    HaproxyTimeouts Timeouts,
    PackageSettings Packages,
    MetricsSettings? Metrics = null,
    string? ProbeFrom = null,
    IReadOnlyList<VipEntry>? VipList = null)
{
    /// <summary>Every VIP: the `vips:` list, or the one VIP of the `vip:` shorthand.</summary>
    public IReadOnlyList<VipEntry> Vips => VipList ??
        [new VipEntry(ClusterName, Vip, null, null, VirtualRouterId, VirtualRouterIdDerived, null, Shorthand: true)];

    /// <summary>Every VIP address of every entry, in inventory order (a dual-stack pair: IPv4, then IPv6).</summary>
    public IEnumerable<VirtualIp> AllVipAddresses => Vips.SelectMany(v => v.Addresses);
}
