using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Rendering;

/// <summary>Turns the typed inventory into the plain <see cref="TemplateModel"/> of one node.</summary>
internal static class TemplateModelBuilder
{
    public static TemplateModel Build(Inventory inventory, LbNode node, bool trackProcess = false, bool trackFile = false)
    {
        if (!inventory.Nodes.Any(n => n.Name == node.Name))
            throw new ArgumentException($"node {node.Name} is not in the inventory of cluster {inventory.ClusterName}", nameof(node));

        var frontends = inventory.Frontends.Select(f => BuildFrontend(f, inventory.VipOf(f))).ToList();
        return new TemplateModel(
            Cluster: inventory.ClusterName,
            Node: new NodeView(
                node.Name,
                node.Address.ToString(),
                node.Priority,
                node.Interface,
                node.InitialState == VrrpInitialState.Master ? "MASTER" : "BACKUP",
                trackProcess,
                trackFile),
            Peers: inventory.Nodes.Where(n => n.Name != node.Name).Select(n => n.Address.ToString()).ToList(),
            Vip: new VirtualIpView(inventory.Vip.Address.ToString(), inventory.Vip.PrefixLength, inventory.Vip.ToString()),
            Vrrp: BuildVrrp(inventory),
            FrontendPort: frontends[0].Port,
            Backends: frontends[0].Backends,
            HealthCheck: frontends[0].HealthCheck,
            Timeouts: new TimeoutsView(
                inventory.Timeouts.Connect.ToString(),
                inventory.Timeouts.Client.ToString(),
                inventory.Timeouts.Server.ToString()),
            Paths: new PathsView(NodePaths.HaproxyCheckScript, NodePaths.HaproxyAdminSocket, NodePaths.VrrpNotifyScript,
                NodePaths.StateDirectory, NodePaths.VrrpTransitionLog, NodePaths.VrrpMetricsFile, NodePaths.TransitionLogLines,
                NodePaths.HaproxyDownFile, NodePaths.HaproxyTrackDropIn),
            Metrics: inventory.Metrics is { } metrics
                ? new MetricsView(true, metrics.Bind == MetricsBind.All ? "*" : node.Address.ToString(), metrics.Port, MetricsSettings.HaproxyPath, MetricsSettings.VrrpPath, NodePaths.HaproxyVrrpMetricsLua)
                : new MetricsView(false, "", 0, MetricsSettings.HaproxyPath, MetricsSettings.VrrpPath, NodePaths.HaproxyVrrpMetricsLua),
            Frontends: frontends,
            Instances: inventory.Vips.SelectMany(vip => BuildInstances(inventory, node, vip)).ToList(),
            SyncGroups: inventory.Vips.Where(v => v.DualStack)
                .Select(v => new VrrpSyncGroupView(VrrpInstanceNames.SyncGroup(inventory.ClusterName, v),
                    [VrrpInstanceNames.Instance(inventory.ClusterName, v), VrrpInstanceNames.Instance(inventory.ClusterName, v, ipv6Half: true)]))
                .ToList(),
            VipSummary: inventory.VipList is null
                ? $"the Kubernetes API VIP {inventory.Vip}"
                : "the VIPs " + string.Join(", ", inventory.Vips.Select(v => $"{v.Name} ({string.Join(" + ", v.Addresses)})")),
            BindIpv6: inventory.AllVipAddresses.Any(a => a.Address.AddressFamily == AddressFamily.InterNetworkV6));
    }

    /// <summary>The instance of each address of <paramref name="vip"/>: one, or two for a dual-stack pair.</summary>
    private static IEnumerable<VrrpInstanceView> BuildInstances(Inventory inventory, LbNode node, VipEntry vip)
    {
        var others = inventory.Nodes.Where(n => n.Name != node.Name).ToList();
        foreach (var address in vip.Addresses)
        {
            var v6 = address.Address.AddressFamily == AddressFamily.InterNetworkV6;
            var iface = vip.InterfaceOf(node);
            yield return new VrrpInstanceView(
                Name: VrrpInstanceNames.Instance(inventory.ClusterName, vip, ipv6Half: v6 && vip.DualStack),
                State: node.InitialState == VrrpInitialState.Master ? "MASTER" : "BACKUP",
                Interface: iface,
                VirtualRouterId: vip.VirtualRouterId,
                Priority: vip.PriorityOf(node),
                Version3: v6,
                Source: (v6 ? node.Address6?.ToString() : node.Address.ToString()) ?? "",
                Peers: others.Select(n => v6 ? n.Address6?.ToString() : n.Address.ToString()).OfType<string>().ToList(),
                Cidr: $"{address} dev {iface}");
        }
    }

    /// <param name="vip">The VIP the frontend is bound to, whose addresses it binds alone; null: *:PORT.</param>
    private static FrontendView BuildFrontend(Frontend frontend, VipEntry? vip)
    {
        var check = frontend.HealthCheck;
        var kind = check.Kind.ToString().ToLowerInvariant();
        var options = (check.Kind == HealthCheckKind.Https ? " check-ssl verify none" : "") + (frontend.SendProxyV2 ? " send-proxy-v2" : "");
        return new FrontendView(
            frontend.Name,
            frontend.Port,
            frontend.Balance.ToString().ToLowerInvariant(),
            new HealthCheckView(check.Path, check.Interval.ToString(), check.Fall, check.Rise, kind),
            options,
            new FrontendTimeoutsView(frontend.Timeouts.Connect?.ToString() ?? "", frontend.Timeouts.Client?.ToString() ?? "", frontend.Timeouts.Server?.ToString() ?? ""),
            frontend.Backends.Select(b => new BackendView(b.Name, b.Address, b.Port)).ToList(),
            vip?.Name ?? "",
            (vip?.Addresses ?? []).Select(a => new IPEndPoint(a.Address, frontend.Port).ToString()).ToList());
    }

    private static VrrpView BuildVrrp(Inventory inventory)
    {
        var vrrp = inventory.Vrrp;
        var multicast = vrrp.Mode == VrrpMode.Multicast;
        return new VrrpView(
            Instance: "VI_" + inventory.ClusterName,
            VirtualRouterId: inventory.VirtualRouterId,
            AdvertInt: AdvertIntText(inventory.AdvertInt),
            Unicast: !multicast,
            MulticastGroup: vrrp.MulticastGroup.ToString(),
            CustomMulticastGroup: multicast && !vrrp.MulticastGroup.Equals(InventoryDefaults.MulticastGroup),
            Preempt: vrrp.Preempt,
            Strict: vrrp.Strict,
            Accept: vrrp.Accept,
            Authenticate: vrrp.AuthSecret is not null,
            AuthPass: vrrp.AuthSecret is null ? "" : QuotableSecret(vrrp.AuthSecret),
            TrackWeight: vrrp.TrackWeight,
            TrackInterval: vrrp.TrackIntervalSeconds,
            TrackFall: vrrp.TrackFall,
            TrackRise: vrrp.TrackRise,
            GarpRefresh: vrrp.GarpRefreshSeconds,
            Fast: vrrp.Profile == VrrpProfile.Fast,
            PreemptDelay: PreemptDelay.SecondsFor(inventory));
    }

    /// <summary>Seconds as keepalived reads advert_int: "1", or "0.1" and "0.25" for VRRPv3's centisecond steps.</summary>
    private static string AdvertIntText(Duration advertInt) =>
        (advertInt.Milliseconds / 1000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The secret, which the template writes inside double quotes: keepalived cuts an unquoted auth_pass at
    /// '#' or '!' (a comment) and has no escape for '"' or '\' inside quotes, so those are refused here rather
    /// than rendered into a password the peers silently disagree on.
    /// </summary>
    private static string QuotableSecret(Secret secret)
    {
        var value = secret.Reveal();
        if (value.Any(c => c is < ' ' or > '~' or '"' or '\\'))
        {
            throw new ArgumentException(
                $"the VRRP secret from {secret.Origin} contains a character keepalived cannot read back from auth_pass (a double quote, a backslash, or a character outside printable ASCII)",
                nameof(secret));
        }
        return value;
    }
}
