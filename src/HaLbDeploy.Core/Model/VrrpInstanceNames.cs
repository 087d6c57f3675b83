namespace HaLbDeploy.Core.Model;

/// <summary>
/// The names keepalived knows a VIP's instances and sync group by: VI_CLUSTER for the `vip:` shorthand (as always),
/// VI_CLUSTER_NAME for a `vips:` entry, VI_CLUSTER_NAME_v6 for the IPv6 half of a dual-stack pair, whose sync group
/// is SG_CLUSTER_NAME. Transition logs and status show these names.
/// </summary>
public static class VrrpInstanceNames
{
    public static string Instance(string cluster, VipEntry vip, bool ipv6Half = false) =>
        (vip.Shorthand ? "VI_" + cluster : $"VI_{cluster}_{vip.Name}") + (ipv6Half ? "_v6" : "");

    public static string SyncGroup(string cluster, VipEntry vip) => $"SG_{cluster}_{vip.Name}";
}
