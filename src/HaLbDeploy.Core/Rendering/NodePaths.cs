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
    /// haproxy's admin socket. /var/lib/haproxy exists on Debian and RHEL alike and haproxy may create sockets
    /// there under SELinux; /run/haproxy exists only on Debian (tmpfiles.d), so a socket there stops haproxy
    /// from starting on RHEL.
    /// </summary>
    public const string HaproxyAdminSocket = "/var/lib/haproxy/admin.sock";
}
