using System.Net;

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

    /// <summary>Every port haproxy listens on for clients, each once (frontends bound to different VIPs may share one), in inventory order.</summary>
    public IReadOnlyList<int> FrontendPorts => Frontends.Select(f => f.Port).Distinct().ToList();

    /// <summary>Every backend server once (by name and address: one server serving several frontends counts once), in inventory order.</summary>
    public IReadOnlyList<Backend> AllBackends => Frontends.SelectMany(f => f.Backends).DistinctBy(b => (b.Name, b.Address)).ToList();

    /// <summary>Every VIP: the `vips:` list, or the one VIP of the `vip:` shorthand.</summary>
    public IReadOnlyList<VipEntry> Vips => VipList ??
        [new VipEntry(ClusterName, Vip, null, null, VirtualRouterId, VirtualRouterIdDerived, null, Shorthand: true)];

    /// <summary>The `vips:` entry <paramref name="frontend"/> is bound to (`vip:`); null when it binds *:PORT, every address.</summary>
    public VipEntry? VipOf(Frontend frontend) => frontend.Vip is { } name ? VipList?.FirstOrDefault(v => v.Name == name) : null;

    /// <summary>Whether <paramref name="frontend"/> answers on the VIP address <paramref name="address"/>: without `vip:` on every address, with `vip:` on its VIP's only.</summary>
    public bool ListensOn(Frontend frontend, IPAddress address) => VipOf(frontend) is not { } vip || vip.Addresses.Any(a => a.Address.Equals(address));

    /// <summary>The frontend verify's and failover-test's main probe goes to through <see cref="Vip"/>: the first that listens there.</summary>
    public Frontend ProbedFrontend => Frontends.FirstOrDefault(f => ListensOn(f, Vip.Address)) ?? Frontends[0];

    /// <summary>The VIP address <paramref name="frontend"/> is probed through: <see cref="Vip"/> where it listens there, else its own VIP's first address.</summary>
    public IPAddress ProbeAddressOf(Frontend frontend) =>
        ListensOn(frontend, Vip.Address) || VipOf(frontend) is not { } vip ? Vip.Address : vip.Address.Address;

    /// <summary>Every VIP address of every entry, in inventory order (a dual-stack pair: IPv4, then IPv6).</summary>
    public IEnumerable<VirtualIp> AllVipAddresses => Vips.SelectMany(v => v.Addresses);
}
