namespace HaLbDeploy.Core.Facts;

/// <summary>The distribution family, from ID and ID_LIKE in /etc/os-release.</summary>
public enum OsFamily
{
    Unknown,

    /// <summary>Debian, Ubuntu and their derivatives: apt, dpkg, no firewalld or SELinux by default.</summary>
    Debian,

    /// <summary>RHEL, CentOS, Rocky, Alma, Fedora: yum or dnf, rpm, firewalld, SELinux.</summary>
    RedHat,
}
