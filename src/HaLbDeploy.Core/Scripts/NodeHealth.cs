using System.Net;

namespace HaLbDeploy.Core.Scripts;

/// <summary>A node's live state as <see cref="HealthProbe"/> read it.</summary>
public sealed record NodeHealth(string KeepalivedState, string HaproxyState, IReadOnlyList<(string Interface, IPAddress Address)> Addresses)
{
    public bool ServicesActive => KeepalivedState == "active" && HaproxyState == "active";

    public bool Holds(IPAddress address) => Addresses.Any(a => a.Address.Equals(address));
}
