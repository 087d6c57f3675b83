using System.Net;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Everything plan and verify need to know about one LB node, read in one round trip by <see cref="FactScript"/>
/// and typed by <see cref="FactParser"/>. A fact that could not be read keeps its "unknown" value (null, Unknown,
/// empty) and is listed in <see cref="Gaps"/> with the reason.
/// </summary>
public sealed record NodeFacts
{
    public static NodeFacts Unknown { get; } = new();

    /// <summary>The script printed its end marker: the output was not cut short.</summary>
    public bool Complete { get; init; }

    /// <summary>The kernel's node name (`uname -n`).</summary>
    public string? Hostname { get; init; }

    /// <summary>ID from /etc/os-release, e.g. "centos", "rocky", "almalinux", "debian", "ubuntu".</summary>
    public string? OsId { get; init; }

    /// <summary>VERSION_ID from /etc/os-release, e.g. "7", "8.9", "9.4", "12", "24.04".</summary>
    public string? OsVersionId { get; init; }

    /// <summary>PRETTY_NAME from /etc/os-release, for reports.</summary>
    public string? OsPrettyName { get; init; }

    public OsFamily OsFamily { get; init; } = OsFamily.Unknown;

    public PackageManager PackageManager { get; init; } = PackageManager.Unknown;

    /// <summary>Commands the script found on the node (apt-get, dnf, firewall-cmd, ...).</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>systemd is PID 1 (/run/systemd/system exists); null when not reported.</summary>
    public bool? SystemdRunning { get; init; }

    /// <summary>Every interface, with its IPv4 addresses.</summary>
    public IReadOnlyList<NetworkInterface> Interfaces { get; init; } = [];

    /// <summary>The package database was read: a null version below then means "not installed".</summary>
    public bool PackagesKnown { get; init; }

    /// <summary>Installed keepalived, e.g. "1:2.2.7-1+b2" (dpkg) or "1.3.5-19.el7" (rpm); null when not installed.</summary>
    public string? KeepalivedVersion { get; init; }

    /// <summary>Installed haproxy, e.g. "2.6.12-1+deb12u1" (dpkg) or "1.8.27-5.el8" (rpm); null when not installed.</summary>
    public string? HaproxyVersion { get; init; }

    /// <summary>What the installed haproxy was built with (`haproxy -vv`); null when not installed or not read (older fact recordings).</summary>
    public HaproxyBuild? HaproxyBuild { get; init; }

    /// <summary>
    /// The node's processes run in the kernel's initial PID and user namespaces (not in a container), so keepalived's
    /// track_process gets the kernel's process events; null when not read (older fact recordings, no readlink).
    /// </summary>
    public bool? InitialNamespaces { get; init; }

    /// <summary>One entry per managed path asked for (missing when the script did not report it).</summary>
    public IReadOnlyList<ManagedFileState> Files { get; init; } = [];

    /// <summary>keepalived, haproxy and firewalld units; empty when systemd is not running.</summary>
    public IReadOnlyList<UnitState> Units { get; init; } = [];

    public FirewallState Firewall { get; init; } = FirewallState.Unknown;

    public SelinuxMode Selinux { get; init; } = SelinuxMode.Unknown;

    /// <summary>The SELinux boolean that lets haproxy connect to any port; null when SELinux or the boolean is absent.</summary>
    public bool? HaproxyConnectAny { get; init; }

    /// <summary>The frontend ports the script looked at for listeners; empty when not reported.</summary>
    public IReadOnlyList<int> FrontendPorts { get; init; } = [];

    /// <summary>Sockets listening on one of <see cref="FrontendPorts"/> (haproxy, or a kube-apiserver in the way).</summary>
    public IReadOnlyList<PortListener> FrontendListeners { get; init; } = [];

    public NodeClockReading? Clock { get; init; }

    /// <summary>The facts that could not be read, with reasons.</summary>
    public IReadOnlyList<FactGap> Gaps { get; init; } = [];

    public UnitState? Keepalived => Unit("keepalived");

    public UnitState? Haproxy => Unit("haproxy");

    /// <summary>Some interface of the node carries the address (e.g. the VIP), by <see cref="VipHolding"/>'s rule.</summary>
    public bool HoldsAddress(IPAddress address) => VipHolding.Holds(Interfaces.SelectMany(i => i.Addresses).Select(a => a.Address), address);

    public NetworkInterface? Interface(string name) => Interfaces.FirstOrDefault(i => i.Name == name);

    public ManagedFileState? File(string path) => Files.FirstOrDefault(f => f.Path == path);

    /// <summary>A unit by name, with or without the ".service" suffix; null when not reported.</summary>
    public UnitState? Unit(string name)
    {
        var id = name.Contains('.') ? name : name + ".service";
        return Units.FirstOrDefault(u => u.Name == id);
    }
}
