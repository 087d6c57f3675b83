using System.Net;

namespace HaLbDeploy.Core.Facts;

/// <summary>An IPv4 address on an interface with its prefix length, as `ip -o -4 addr show` prints it.</summary>
public sealed record InterfaceAddress(IPAddress Address, int PrefixLength)
{
    public override string ToString() => $"{Address}/{PrefixLength}";
}
