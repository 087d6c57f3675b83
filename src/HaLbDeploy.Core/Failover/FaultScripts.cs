using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Failover;

/// <summary>
/// The faults failover-test can cause over SSH, and their undoing, as POSIX sh run as root. Pure text: tests read it.
/// </summary>
public static class FaultScripts
{
    /// <summary>
    /// A runtime drop-in (under /run: gone at the next boot even if the restore never ran) that keeps systemd from
    /// restarting a killed haproxy. Debian's and Ubuntu's haproxy.service say Restart=always: without this, systemd
    /// brings haproxy back within ~100 ms, long before keepalived's track script (interval x fall) could notice,
    /// and the test would measure nothing. With it, the kill is what it stands for: haproxy crashed and stays down.
    /// </summary>
    public const string HaproxyNoRestartDropIn = "/run/systemd/system/haproxy.service.d/90-halb-failover-test.conf";

    public const string StopKeepalived = "systemctl stop keepalived.service";

    public const string StartKeepalived = "systemctl start keepalived.service";

    /// <summary>Installs the no-restart drop-in before the measurement starts (a daemon-reload takes a few hundred ms).</summary>
    public static string PrepareKillHaproxy => Wrap($$"""
        set -e
        mkdir -p /run/systemd/system/haproxy.service.d
        printf '[Service]\nRestart=no\n' > {{HaproxyNoRestartDropIn}}
        systemctl daemon-reload
        [ "$(systemctl show -p Restart haproxy.service)" = Restart=no ] || { echo 'systemd did not take the Restart=no drop-in' >&2; exit 1; }
        """);

    /// <summary>SIGKILL to every process of haproxy.service: the master and all workers at once.</summary>
    public static string KillHaproxy => Wrap("systemctl kill --signal=SIGKILL haproxy.service");

    public static string RestoreHaproxy => Wrap($"""
        rm -f {HaproxyNoRestartDropIn}
        rmdir /run/systemd/system/haproxy.service.d 2>/dev/null
        systemctl daemon-reload
        systemctl reset-failed haproxy.service 2>/dev/null
        systemctl start haproxy.service
        """);

    public const string ReadHaproxyTrackingDescription = "read haproxy tracking";

    public const string TrackFileMarker = ScriptMarkers.Prefix + "haproxy-track-file";

    /// <summary>
    /// Read-only: whether the node tracks haproxy by the fast profile's track file, both halves of it in place
    /// (keepalived.conf names it and systemd has loaded the drop-in that writes it). That decides kill-haproxy's bound.
    /// </summary>
    public static string ReadHaproxyTracking => ScriptKit.AsFunction("halb_tracking", ScriptKit.ReadPrelude + $$"""
        if grep -q '^vrrp_track_file haproxy_down ' {{NodePaths.KeepalivedConfig}} 2>/dev/null &&
           systemctl show -p DropInPaths haproxy.service 2>/dev/null | grep -qF {{NodePaths.HaproxyTrackDropIn}}; then
          echo '{{TrackFileMarker}} yes'
        else
          echo '{{TrackFileMarker}} no'
        fi

        """ + ScriptKit.ExitZero);

    /// <summary>Reads the output of <see cref="ReadHaproxyTracking"/>: false when it says no or says nothing.</summary>
    public static bool TracksHaproxyByFile(string output) =>
        output.Split('\n').Any(line => line.Trim() == TrackFileMarker + " yes");

    /// <summary>What must be in place before the fault of a mode; null when nothing.</summary>
    public static string? Prepare(FailoverMode mode) => mode == FailoverMode.KillHaproxy ? PrepareKillHaproxy : null;

    /// <summary>The script that causes the fault of a mode that works over SSH.</summary>
    public static string Fault(FailoverMode mode) => mode switch
    {
        FailoverMode.Stop => Wrap(StopKeepalived),
        FailoverMode.KillHaproxy => KillHaproxy,
        _ => throw new ArgumentException($"{FailoverModeNames.Name(mode)} cannot be caused over SSH: it needs --fault-command", nameof(mode)),
    };

    /// <summary>The script that undoes <see cref="Prepare"/> and <see cref="Fault"/>; safe to run when the fault never happened.</summary>
    public static string Restore(FailoverMode mode) => mode switch
    {
        FailoverMode.Stop => Wrap(StartKeepalived),
        FailoverMode.KillHaproxy => RestoreHaproxy,
        _ => throw new ArgumentException($"{FailoverModeNames.Name(mode)} cannot be undone over SSH: it needs --restore-command", nameof(mode)),
    };

    /// <summary>What the fault does, in words, for the timeline.</summary>
    public static string Describe(FailoverMode mode) => mode switch
    {
        FailoverMode.Stop => StopKeepalived,
        FailoverMode.KillHaproxy => "systemctl kill --signal=SIGKILL haproxy (restart held off)",
        _ => FailoverModeNames.Name(mode),
    };

    public static string DescribeRestore(FailoverMode mode) => mode switch
    {
        FailoverMode.Stop => StartKeepalived,
        FailoverMode.KillHaproxy => "systemctl start haproxy (drop-in removed)",
        _ => FailoverModeNames.Name(mode),
    };

    private static string Wrap(string body) => ScriptKit.AsFunction("halb_fault", ScriptKit.ExportedPathPrelude + body + "\n");
}
