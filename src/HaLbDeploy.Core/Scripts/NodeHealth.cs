using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Scripts;

/// <summary>A node's live state as <see cref="HealthProbe"/> read it.</summary>
public sealed record NodeHealth(string KeepalivedState, string HaproxyState, IReadOnlyList<(string Interface, IPAddress Address)> Addresses)
{
    public bool ServicesActive => KeepalivedState == "active" && HaproxyState == "active";

    /// <summary>The node holds the address (the VIP), by <see cref="VipHolding"/>'s rule.</summary>
    public bool Holds(IPAddress address) => VipHolding.Holds(Addresses.Select(a => a.Address), address);
}
