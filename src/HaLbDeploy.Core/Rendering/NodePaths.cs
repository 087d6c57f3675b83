namespace HaLbDeploy.Core.Rendering;

/// <summary>Where the managed files and sockets live on an LB node; the same paths on Debian and RHEL families.</summary>
public static class NodePaths
{
    public const string HaproxyConfig = "/etc/haproxy/haproxy.cfg";

    public const string KeepalivedConfig = "/etc/keepalived/keepalived.conf";

    /// <summary>
    /// Under /usr/libexec/keepalived because RHEL's SELinux policy labels that directory
    /// keepalived_unconfined_script_exec_t: a check script there may run systemctl, while one in /etc/keepalived
    /// (etc_t) runs confined as keepalived_t and is denied. Debian has no such policy; the directory is created
    /// (root:root 0755) when missing.
    /// </summary>
    public const string HaproxyCheckScript = "/usr/libexec/keepalived/check_haproxy.sh";

    /// <summary>
    /// keepalived's notify script for the VRRP instance, beside the check script for the same SELinux reason: it
    /// must be root-owned and writable by root alone (enable_script_security), and it writes under
    /// <see cref="StateDirectory"/>.
    /// </summary>
    public const string VrrpNotifyScript = "/usr/libexec/keepalived/halb-vrrp-notify.sh";

    /// <summary>
    /// What the notify script records on the node: the transition log and the metrics textfile. Under /var/lib, not
    /// /run, so that the history survives a reboot (a reboot is itself a moment operators ask about).
    /// </summary>
    public const string StateDirectory = "/var/lib/halb-deploy";

    /// <summary>One line per VRRP transition, "EPOCH.NANOSECONDS ISO-TIME KIND NAME STATE PRIORITY", the last <see cref="TransitionLogLines"/> kept.</summary>
    public const string VrrpTransitionLog = StateDirectory + "/vrrp-transitions.log";

    /// <summary>The VRRP state in the Prometheus text format, for a node_exporter textfile collector or haproxy's metrics listener.</summary>
    public const string VrrpMetricsFile = StateDirectory + "/metrics/halb_vrrp.prom";

    /// <summary>
    /// The packages halb-deploy holds (apt-mark hold, versionlock) because the inventory pins them, one name a line:
    /// when a pin goes, its hold is released only where this record says the hold is ours (an operator's own hold
    /// stays).
    /// </summary>
    public const string PackageHoldsRecord = StateDirectory + "/package-holds";

    /// <summary>How many transitions the log keeps: at one transition a second that is a quarter of an hour of flapping, and about 60 KiB.</summary>
    public const int TransitionLogLines = 1000;

    /// <summary>
    /// haproxy's admin socket. /var/lib/haproxy exists on Debian and RHEL alike and haproxy may create sockets
    /// there under SELinux; /run/haproxy exists only on Debian (tmpfiles.d), so a socket there stops haproxy
    /// from starting on RHEL.
    /// </summary>
    /// <summary>
    /// The Lua service haproxy loads when the inventory asks for metrics: it serves <see cref="VrrpMetricsFile"/>.
    /// Beside haproxy.cfg, which is where RHEL's SELinux policy lets haproxy read its configuration.
    /// </summary>
    public const string HaproxyVrrpMetricsLua = "/etc/haproxy/halb-vrrp-metrics.lua";

    public const string HaproxyAdminSocket = "/var/lib/haproxy/admin.sock";

    /// <summary>
    /// The fast profile's drop-in for haproxy.service: systemd writes <see cref="HaproxyDownFile"/> after haproxy
    /// started (0) and after it stopped for any reason, a crash or SIGKILL included (1). Under /etc, beside the
    /// distribution's unit: failover-test's runtime drop-in (under /run) adds to it, it does not replace it.
    /// </summary>
    public const string HaproxyTrackDropIn = "/etc/systemd/system/haproxy.service.d/halb-track.conf";

    /// <summary>
    /// keepalived's track file for haproxy (fast profile): 1 while haproxy.service is down, 0 (or no file) while it
    /// runs. In /run itself, not in a directory of ours there: keepalived drops a track file whose directory is
    /// missing when it starts ("Track file directory ... does not exist - removing"), and after a boot keepalived
    /// may start before anything has created such a directory. /run is a tmpfs, so a boot starts without the file,
    /// which keepalived reads as 0 until haproxy's own start or stop writes it.
    /// </summary>
    public const string HaproxyDownFile = "/run/halb-haproxy-down";

    /// <summary>
    /// Every file halb-deploy may write on a node, whatever the inventory: what retiring a node removes. The state
    /// directory's transition log stays (the node's history), and so do the packages.
    /// </summary>
    public static readonly IReadOnlyList<string> Managed = [HaproxyConfig, HaproxyVrrpMetricsLua, HaproxyCheckScript, VrrpNotifyScript, HaproxyTrackDropIn, KeepalivedConfig];

    /// <summary>
    /// Managed files that apply removes from a node when the inventory no longer renders them: the track drop-in
    /// of a node that left the fast profile would otherwise keep writing a file nothing reads.
    /// </summary>
    public static readonly IReadOnlyList<string> RemovedWhenNotRendered = [HaproxyTrackDropIn];

    /// <summary>Files systemd reads: changing or removing one takes a `systemctl daemon-reload` before the units start or stop.</summary>
    public static bool IsSystemdUnitFile(string path) => path.StartsWith("/etc/systemd/", StringComparison.Ordinal);
}
