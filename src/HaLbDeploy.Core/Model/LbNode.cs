using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>One load-balancer node running keepalived and haproxy.</summary>
/// <param name="Address6">The node's IPv6 address for VRRP (unicast to IPv6 VIPs' peers); null when it has none.</param>
/// <param name="InitialState">The VRRP state keepalived starts in: BACKUP unless the inventory says MASTER.</param>
public sealed record LbNode(
    string Name,
    IPAddress Address,
    int Priority,
    string Interface,
    VrrpInitialState InitialState,
    SshSettings Ssh,
    IPAddress? Address6 = null);
