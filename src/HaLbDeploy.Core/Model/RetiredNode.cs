using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// A former LB node listed under `retired_nodes:`: apply stops and disables keepalived and haproxy there (handing the
/// VIP over first when it holds it) and removes the files halb-deploy manages; the peers no longer list it.
/// </summary>
/// <param name="Name">As written, or the address when no name is given; used in progress lines and reports.</param>
public sealed record RetiredNode(string Name, IPAddress Address, SshSettings Ssh)
{
    /// <summary>
    /// The node as the SSH connector takes it: only name, address and SSH settings count for a connection
    /// (priority and interface are no longer the node's; 0 and "" say so).
    /// </summary>
    public LbNode AsSshTarget() => new(Name, Address, 0, "", VrrpInitialState.Backup, Ssh);
}
