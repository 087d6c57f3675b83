namespace HaLbDeploy.Core.Verification;

/// <summary>
/// Infers a node's VRRP state from observable facts. keepalived 2.2 can dump its state only on a signal (SIGUSR1
/// writes /tmp/keepalived.data, SIGJSON needs a JSON build), which writes files on the node and is not a read, and
/// its journal lines may be rotated away or volatile. What matters to clients is observable anyway: whoever holds
/// the VIP is the master in effect; a running keepalived without the VIP is a backup unless one of the two causes
/// of FAULT we configure is present: the VRRP interface is down, or the track script (the same one keepalived
/// runs) fails.
/// </summary>
public static class VrrpStateDeriver
{
    public static DerivedVrrpState Derive(NodeStatus node)
    {
        if (!node.Reachable || node.Error is not null) return DerivedVrrpState.Unknown;
        if (!node.Keepalived.IsActive) return DerivedVrrpState.Stopped;
        if (node.HoldsVip) return DerivedVrrpState.Master;
        if (node.LinkUp == false || node.TrackCheckPassed == false) return DerivedVrrpState.Fault;
        return DerivedVrrpState.Backup;
    }
}
