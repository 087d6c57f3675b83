using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// How keepalived notices that haproxy died. The track script (every node, every profile) runs once a second at
/// the shortest, keepalived's smallest script interval. The fast profile adds keepalived's process tracking where
/// the node can use it: the kernel reports haproxy's exit at once (no polling), so a node whose haproxy dies goes to
/// FAULT within milliseconds. It needs keepalived 2.0.11 or later (vrrp_track_process came in 2.0.11) and a node
/// outside a container (see <see cref="InitialNamespaces"/>). Without facts (`render`, a fresh node before its
/// packages) the script alone is rendered; apply plans again once the facts are in.
/// </summary>
public static class HaproxyTracking
{
    public static readonly Version TrackProcessMinimum = new(2, 0, 11);

    public static bool UsesTrackProcess(Inventory inventory, NodeFacts? facts) =>
        inventory.Vrrp.Profile == VrrpProfile.Fast && facts is not null && CanTrackProcess(facts);

    public static bool CanTrackProcess(NodeFacts facts) =>
        UpstreamVersion.Parse(facts.KeepalivedVersion) is { } version && version >= TrackProcessMinimum && facts.InitialNamespaces == true;

    /// <summary>Why a fast-profile node is tracked by the script alone, for plan to say; null when it uses track_process.</summary>
    public static string? WhyScriptOnly(NodeFacts facts) =>
        UpstreamVersion.Parse(facts.KeepalivedVersion) is not { } version ? "keepalived is not installed yet"
        : version < TrackProcessMinimum ? $"keepalived {facts.KeepalivedVersion} predates track_process ({TrackProcessMinimum})"
        : facts.InitialNamespaces == false ? "the node is a container (its own PID namespace): the kernel's process events do not reach keepalived"
        : facts.InitialNamespaces is null ? "the node's namespaces are not known"
        : null;
}
