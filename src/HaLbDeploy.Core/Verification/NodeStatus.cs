namespace HaLbDeploy.Core.Verification;

/// <summary>
/// What one LB node looks like right now, as <see cref="NodeStatusScript"/> read it in one round trip. A node that
/// could not be reached has <see cref="Reachable"/> false and the reason in <see cref="Error"/>; its other facts are unknown.
/// </summary>
public sealed record NodeStatus
{
    public required string Node { get; init; }

    public bool Reachable { get; init; } = true;

    /// <summary>Why the node could not be read (connection, sudo, a script that failed).</summary>
    public string? Error { get; init; }

    public ServiceStatus Keepalived { get; init; } = ServiceStatus.Unknown("keepalived");

    public ServiceStatus Haproxy { get; init; } = ServiceStatus.Unknown("haproxy");

    /// <summary>The VRRP interface is up with carrier; null when it was not reported (missing interface: false).</summary>
    public bool? LinkUp { get; init; }

    /// <summary>The VRRP interface's hardware (MAC) address, lower case; null when it was not reported.</summary>
    public string? LinkLayerAddress { get; init; }

    /// <summary>Some interface of the node carries the VIP.</summary>
    public bool HoldsVip { get; init; }

    /// <summary>Every local address of the node, IPv4 and IPv6 (which VIPs of a `vips:` list it holds).</summary>
    public IReadOnlyList<System.Net.IPAddress> LocalAddresses { get; init; } = [];

    /// <summary>keepalived's own track script (check_haproxy.sh), run by us: null when it is missing.</summary>
    public bool? TrackCheckPassed { get; init; }

    /// <summary>The servers haproxy knows, with their health; empty when the stats socket could not be read.</summary>
    public IReadOnlyList<BackendServerStatus> Backends { get; init; } = [];

    /// <summary>Why the backend states are unknown (no socket, no client to read it); null when they were read.</summary>
    public string? StatsError { get; init; }

    /// <summary>The program that read the stats socket on the node (socat, python3, perl, ...).</summary>
    public string? StatsClient { get; init; }

    /// <summary>firewalld runs on the node (false also when it is not installed; null when not reported).</summary>
    public bool? FirewalldRunning { get; init; }

    /// <summary>The runtime firewalld zone of the VRRP interface, as `firewall-cmd --list-all` printed it; null without firewalld.</summary>
    public Facts.FirewallZone? FirewallZone { get; init; }

    public static NodeStatus Unreachable(string node, string error) => new() { Node = node, Reachable = false, Error = error };
}
