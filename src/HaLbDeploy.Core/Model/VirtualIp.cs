using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>The floating address with its prefix length, e.g. 192.168.88.201/24.</summary>
public sealed record VirtualIp(IPAddress Address, int PrefixLength)
{
    public override string ToString() => $"{Address}/{PrefixLength}";

    /// <summary>True when <paramref name="other"/> lies in the same subnet as the VIP.</summary>
    public bool SharesSubnetWith(IPAddress other) =>
        other.AddressFamily == Address.AddressFamily &&
        new IPNetwork(MaskedNetwork(Address, PrefixLength), PrefixLength).Contains(other);

    private static IPAddress MaskedNetwork(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsInByte = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsInByte));
        }
        return new IPAddress(bytes);
    }
}
