namespace HaLbDeploy.Core.Model;

/// <summary>A parsed, typed inventory: everything needed to render and converge the LB tier. <see cref="Metrics"/> is null unless asked for.</summary>
/// <param name="AdvertInt">keepalived's advert_int: whole seconds in the default profile, centisecond steps with VRRP version 3.</param>
/// <param name="Frontends">haproxy's frontends: the `frontends:` list, or the one the shorthand `frontend:` / `backends:` / `health_check:` describes.</param>
/// <param name="Vip">The first address of the first VIP (the API VIP); <see cref="Vips"/> has them all.</param>
/// <param name="ProbeFrom">Where verify and failover-test probe the VIP from (`probe_from`, see <see cref="ProbeOrigin"/>); null: the control host.</param>
/// <param name="RetiredNodes">`retired_nodes`: former LB nodes apply takes out of service; null: none.</param>
public sealed record Inventory(
    string SourcePath,
    string ClusterName,
    VirtualIp Vip,
    string DefaultInterface,
    int VirtualRouterId,
    bool VirtualRouterIdDerived,
    Duration AdvertInt,
    VrrpSettings Vrrp,
    IReadOnlyList<LbNode> Nodes,
    IReadOnlyList<Frontend> Frontends,
    HaproxyTimeouts Timeouts,
    PackageSettings Packages,
    MetricsSettings? Metrics = null,
    string? ProbeFrom = null,
    IReadOnlyList<RetiredNode>? RetiredNodes = null,
    IReadOnlyList<VipEntry>? VipList = null)
{
    /// <summary>The retired nodes, none when the inventory lists none.</summary>
    public IReadOnlyList<RetiredNode> Retired => RetiredNodes ?? [];

    /// <summary>Every port haproxy listens on for clients, in inventory order.</summary>
    public IReadOnlyList<int> FrontendPorts => Frontends.Select(f => f.Port).ToList();

    /// <summary>Every backend server once (by name and address: one server serving several frontends counts once), in inventory order.</summary>
    public IReadOnlyList<Backend> AllBackends => Frontends.SelectMany(f => f.Backends).DistinctBy(b => (b.Name, b.Address)).ToList();

    /// <summary>Every VIP: the `vips:` list, or the one VIP of the `vip:` shorthand.</summary>
    public IReadOnlyList<VipEntry> Vips => VipList ??
        [new VipEntry(ClusterName, Vip, null, null, VirtualRouterId, VirtualRouterIdDerived, null, Shorthand: true)];

    /// <summary>The `vips:` entry <paramref name="frontend"/> is bound to (`vip:`); null when it binds *:PORT, every address.</summary>
    public VipEntry? VipOf(Frontend frontend) => frontend.Vip is { } name ? VipList?.FirstOrDefault(v => v.Name == name) : null;

    /// <summary>Every VIP address of every entry, in inventory order (a dual-stack pair: IPv4, then IPv6).</summary>
    public IEnumerable<VirtualIp> AllVipAddresses => Vips.SelectMany(v => v.Addresses);
}
