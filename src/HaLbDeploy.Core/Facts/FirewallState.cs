namespace HaLbDeploy.Core.Facts;

/// <summary>
/// firewalld on the node: whether it runs, and every zone in the running (runtime) and the saved (permanent)
/// configuration. Traffic arriving on an interface meets the zone that lists the interface, else the default zone.
/// </summary>
public sealed record FirewallState(
    FirewalldStatus Status,
    string? DefaultZone,
    IReadOnlyList<FirewallZone> RuntimeZones,
    IReadOnlyList<FirewallZone> PermanentZones)
{
    public static FirewallState Unknown { get; } = new(FirewalldStatus.Unknown, null, [], []);

    public bool IsRunning => Status == FirewalldStatus.Running;

    public FirewallZone? RuntimeZoneOf(string interfaceName) =>
        RuntimeZones.FirstOrDefault(z => z.Interfaces.Contains(interfaceName)) ?? Named(RuntimeZones, DefaultZone);

    /// <summary>
    /// The saved zone that will hold the interface after a reload or reboot: the one listing it, else the zone it
    /// is in now (NetworkManager binds interfaces at runtime only), else the default zone.
    /// </summary>
    public FirewallZone? PermanentZoneOf(string interfaceName) =>
        PermanentZones.FirstOrDefault(z => z.Interfaces.Contains(interfaceName))
        ?? Named(PermanentZones, RuntimeZoneOf(interfaceName)?.Name)
        ?? Named(PermanentZones, DefaultZone);

    /// <summary>
    /// firewalld runs and lets VRRP in on the interface now and after a reload. False when firewalld does not run:
    /// check <see cref="IsRunning"/> first (a stopped firewalld blocks nothing).
    /// </summary>
    public bool AllowsVrrpOn(string interfaceName) =>
        IsRunning &&
        RuntimeZoneOf(interfaceName)?.AllowsProtocol("vrrp") == true &&
        PermanentZoneOf(interfaceName)?.AllowsProtocol("vrrp") == true;

    /// <summary>
    /// firewalld runs and lets the TCP port in on the interface now and after a reload. False when firewalld does
    /// not run: check <see cref="IsRunning"/> first.
    /// </summary>
    public bool AllowsTcpPortOn(string interfaceName, int port) =>
        IsRunning &&
        RuntimeZoneOf(interfaceName)?.AllowsTcpPort(port) == true &&
        PermanentZoneOf(interfaceName)?.AllowsTcpPort(port) == true;

    private static FirewallZone? Named(IReadOnlyList<FirewallZone> zones, string? name) =>
        name is null ? null : zones.FirstOrDefault(z => z.Name == name);
}
