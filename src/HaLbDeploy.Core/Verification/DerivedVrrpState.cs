namespace HaLbDeploy.Core.Verification;

/// <summary>
/// A node's VRRP state as verify infers it from what it can observe (see <see cref="VrrpStateDeriver"/>), not as
/// keepalived reports it: keepalived 2.x has no read-only query for its state.
/// </summary>
public enum DerivedVrrpState
{
    /// <summary>The node could not be read.</summary>
    Unknown,

    /// <summary>keepalived runs and the node holds the VIP.</summary>
    Master,

    /// <summary>keepalived runs, the node does not hold the VIP, its link is up and its track check passes.</summary>
    Backup,

    /// <summary>keepalived runs without the VIP while its interface is down or its track check fails.</summary>
    Fault,

    /// <summary>keepalived does not run (the node may still hold a VIP left behind).</summary>
    Stopped,
}
