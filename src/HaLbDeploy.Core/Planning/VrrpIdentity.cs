namespace HaLbDeploy.Core.Planning;

/// <summary>
/// The settings of a keepalived.conf that decide which VRRP group a node belongs to: two nodes that differ in any of
/// them cannot hear each other (or disagree on what they elect), so changing one is an identity change.
/// </summary>
/// <param name="AuthSecret">Only the first 8 characters (all keepalived compares); never printed.</param>
/// <param name="Vip">The first address of virtual_ipaddress, with its prefix, e.g. "10.211.0.100/24".</param>
public sealed record VrrpIdentity(
    string? VirtualRouterId,
    string? AuthType,
    string? AuthSecret,
    bool Unicast,
    string MulticastGroup,
    string? AdvertInt,
    string VrrpVersion,
    string? Vip,
    string? Interface)
{
    public const string DefaultMulticastGroup = "224.0.0.18";

    public const string DefaultVrrpVersion = "2";

    /// <summary>What differs between this (the node's current identity) and the new one, as lines safe to print.</summary>
    public IReadOnlyList<string> DifferencesTo(VrrpIdentity next)
    {
        var lines = new List<string>();
        void Compare(string what, string? before, string? after)
        {
            if (before != after) lines.Add($"{what} {before ?? "(none)"} -> {after ?? "(none)"}");
        }
        Compare("virtual_router_id", VirtualRouterId, next.VirtualRouterId);
        Compare("auth_type", AuthType, next.AuthType);
        if (AuthType is not null && AuthType == next.AuthType && AuthSecret != next.AuthSecret) lines.Add("authentication secret changed");
        Compare("mode", Mode(Unicast), Mode(next.Unicast));
        if (!Unicast && !next.Unicast) Compare("multicast group", MulticastGroup, next.MulticastGroup);
        Compare("advert_int", AdvertInt, next.AdvertInt);
        Compare("VRRP version", VrrpVersion, next.VrrpVersion);
        Compare("VIP", Vip, next.Vip);
        Compare("interface", Interface, next.Interface);
        return lines;
    }

    /// <summary>The VIP's address without its prefix, when it parses.</summary>
    public System.Net.IPAddress? VipAddress =>
        Vip is not null && System.Net.IPAddress.TryParse(Vip.Split('/')[0], out var address) ? address : null;

    private static string Mode(bool unicast) => unicast ? "unicast" : "multicast";
}
