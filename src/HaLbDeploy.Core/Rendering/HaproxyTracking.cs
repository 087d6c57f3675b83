using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// How keepalived notices that haproxy died. The track script (every node, every profile) runs once a second at
/// the shortest, keepalived's smallest script interval. The fast profile adds two event-driven signals where the
/// node can use them, so that a node whose haproxy dies goes to FAULT within milliseconds:
/// <list type="bullet">
/// <item>a track file (<see cref="NodePaths.HaproxyDownFile"/>) that systemd writes from haproxy.service's
/// ExecStopPost and ExecStartPost (the drop-in <see cref="NodePaths.HaproxyTrackDropIn"/>), which keepalived watches
/// with inotify. It works in containers too. It needs keepalived 2.0.0 or later (vrrp_track_file came in 2.0.0);</item>
/// <item>keepalived's process tracking: the kernel reports haproxy's exit at once. It needs keepalived 2.0.11 or
/// later (vrrp_track_process came in 2.0.11) and a node outside a container (see <see cref="InitialNamespaces"/>).</item>
/// </list>
/// Without facts (`render`, a fresh node before its packages) the script alone is rendered; apply plans again once
/// the facts are in.
/// </summary>
public static class HaproxyTracking
{
    public static readonly Version TrackProcessMinimum = new(2, 0, 11);

    public static readonly Version TrackFileMinimum = new(2, 0, 0);

    public static bool UsesTrackProcess(Inventory inventory, NodeFacts? facts) =>
        inventory.Vrrp.Profile == VrrpProfile.Fast && facts is not null && CanTrackProcess(facts);

    public static bool CanTrackProcess(NodeFacts facts) =>
        UpstreamVersion.Parse(facts.KeepalivedVersion) is { } version && version >= TrackProcessMinimum && facts.InitialNamespaces == true;

    public static bool UsesTrackFile(Inventory inventory, NodeFacts? facts) =>
        inventory.Vrrp.Profile == VrrpProfile.Fast && facts is not null && CanTrackFile(facts);

    public static bool CanTrackFile(NodeFacts facts) =>
        UpstreamVersion.Parse(facts.KeepalivedVersion) is { } version && version >= TrackFileMinimum;

    /// <summary>Why a fast-profile node is tracked without track_process, for plan to say; null when it uses track_process.</summary>
    public static string? WhyScriptOnly(NodeFacts facts) =>
        UpstreamVersion.Parse(facts.KeepalivedVersion) is not { } version ? "keepalived is not installed yet"
        : version < TrackProcessMinimum ? $"keepalived {facts.KeepalivedVersion} predates track_process ({TrackProcessMinimum})"
        : facts.InitialNamespaces == false ? "the node is a container (its own PID namespace): the kernel's process events do not reach keepalived"
        : facts.InitialNamespaces is null ? "the node's namespaces are not known"
        : null;

    /// <summary>Why a fast-profile node has no track file, for plan to say; null when it has one.</summary>
    public static string? WhyNoTrackFile(NodeFacts facts) =>
        UpstreamVersion.Parse(facts.KeepalivedVersion) is not { } version ? "keepalived is not installed yet"
        : version < TrackFileMinimum ? $"keepalived {facts.KeepalivedVersion} predates vrrp_track_file ({TrackFileMinimum})"
        : null;

    /// <summary>plan's line on how a fast-profile node notices haproxy's death, from its facts.</summary>
    public static string Describe(NodeFacts facts, int scriptIntervalSeconds)
    {
        var script = $"the check script every {scriptIntervalSeconds} s";
        var trackFile = $"the track file {NodePaths.HaproxyDownFile} (systemd writes it when haproxy.service stops or starts)";
        return (WhyNoTrackFile(facts), WhyScriptOnly(facts)) switch
        {
            ({ } noFile, _) => $"haproxy tracked by {script}, no track file nor track_process: {noFile}",
            (null, { } noProcess) => $"haproxy tracked by {trackFile} and {script}, not track_process: {noProcess}",
            (null, null) => $"haproxy tracked by {trackFile}, track_process (kernel process events) and {script}",
        };
    }
}
