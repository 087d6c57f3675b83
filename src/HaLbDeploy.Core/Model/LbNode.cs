using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>One load-balancer node running keepalived and haproxy.</summary>
/// <param name="InitialState">The VRRP state keepalived starts in: BACKUP unless the inventory says MASTER.</param>
public sealed record LbNode(
    string Name,
    IPAddress Address,
    int Priority,
    string Interface,
    VrrpInitialState InitialState,
    SshSettings Ssh);
