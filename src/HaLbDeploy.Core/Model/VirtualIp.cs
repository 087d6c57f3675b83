using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>The floating address with its prefix length, e.g. 192.168.88.201/24.</summary>
public sealed record VirtualIp(IPAddress Address, int PrefixLength)
{
    public override string ToString() => $"{Address}/{PrefixLength}";

    /// <summary>The first address of the subnet, e.g. 192.168.88.0 for 192.168.88.201/24.</summary>
    public IPAddress NetworkAddress => Masked(fillHostBits: false);

    /// <summary>The last address of the subnet, e.g. 192.168.88.255 for 192.168.88.201/24.</summary>
    public IPAddress BroadcastAddress => Masked(fillHostBits: true);

    /// <summary>True when <paramref name="other"/> lies in the same subnet as the VIP.</summary>
    public bool SharesSubnetWith(IPAddress other) =>
        other.AddressFamily == Address.AddressFamily &&
        new IPNetwork(NetworkAddress, PrefixLength).Contains(other);

    private IPAddress Masked(bool fillHostBits)
    {
        var bytes = Address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var hostBits = (byte)~(0xFF << (8 - Math.Clamp(PrefixLength - i * 8, 0, 8)));
            bytes[i] = fillHostBits ? (byte)(bytes[i] | hostBits) : (byte)(bytes[i] & ~hostBits);
        }
        return new IPAddress(bytes);
    }
}
