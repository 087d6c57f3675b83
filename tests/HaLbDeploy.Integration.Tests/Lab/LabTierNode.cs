namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>A lab LB node and the OS `lab/lab up` made it.</summary>
public sealed record LabTierNode(LabHost Host, LabNodeOs Os)
{
    public string Name => Host.Name;

    public bool IsRhelFamily => Os != LabNodeOs.Debian;

    /// <summary>
    /// Prints one line "NAME VERSION" per installed package of keepalived and haproxy, from the node's own package
    /// database (on Debian only those dpkg has installed: a purged package stays known to dpkg-query without a version).
    /// </summary>
    public string InstalledPackagesCommand => IsRhelFamily
        ? "rpm -q --qf '%{NAME} %{VERSION}\\n' keepalived haproxy"
        : "dpkg-query -W -f '${db:Status-Abbrev} ${Package} ${Version}\\n' keepalived haproxy 2>/dev/null | awk '$1 == \"ii\" { print $2, $3 }'";

    /// <summary>Takes the node back to its fresh image: no keepalived, no haproxy, no configuration, no firewall rule of ours.</summary>
    public string MakeFreshCommand(string vip) =>
        "systemctl stop keepalived haproxy 2>/dev/null; " + Os switch
        {
            LabNodeOs.El9 => "dnf -y -q remove keepalived haproxy >/dev/null 2>&1; ",
            LabNodeOs.El8 => "yum -y -q remove keepalived haproxy >/dev/null 2>&1; ",
            _ => "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q keepalived haproxy >/dev/null 2>&1; ",
        } +
        (IsRhelFamily ? ResetFirewallCommand : "") +
        $"rm -rf /etc/keepalived /etc/haproxy /usr/libexec/keepalived; ip addr del {vip}/24 dev host0 2>/dev/null; true";

    /// <summary>Zone public as the image has it: no VRRP, no frontend port, no rich rule (permanent, then reloaded into runtime).</summary>
    private const string ResetFirewallCommand =
        "firewall-cmd -q --permanent --zone=public --remove-protocol=vrrp 2>/dev/null; " +
        "firewall-cmd -q --permanent --zone=public --remove-port=6443/tcp 2>/dev/null; " +
        "firewall-cmd --permanent --zone=public --list-rich-rules | while read -r rule; do firewall-cmd -q --permanent --zone=public --remove-rich-rule=\"$rule\"; done; " +
        "firewall-cmd -q --reload; ";
}
