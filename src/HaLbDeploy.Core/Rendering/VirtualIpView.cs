namespace HaLbDeploy.Core.Rendering;

/// <summary>The VIP; <see cref="Cidr"/> is address/prefix as keepalived's virtual_ipaddress wants it.</summary>
internal sealed record VirtualIpView(string Address, int PrefixLength, string Cidr);
