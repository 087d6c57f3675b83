using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Reads the `vips:` list: each entry a name, an address/prefix (IPv4 or IPv6), an optional `address6` (the IPv6 half
/// of a dual-stack pair), interface, virtual_router_id and per-node priorities. Router ids left out are derived:
/// entry i gets the base (top-level `virtual_router_id`, or the id derived from the cluster name) plus i, stepping
/// over ids other entries name explicitly. Shape problems are reported here, the rules across entries in
/// <see cref="InventoryValidator"/>.
/// </summary>
internal sealed class VipListParser(ProblemCollector problems)
{
    public const int MaxRouterId = 255;

    public IReadOnlyList<VipEntry> Parse(IReadOnlyList<YamlSection> entries, int baseRouterId)
    {
        var parsed = entries.Select(ParseEntry).ToList();
        var explicitIds = parsed.Where(p => p.RouterId is not null).Select(p => p.RouterId!.Value).ToHashSet();
        var result = new List<VipEntry>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var (entry, routerId) = parsed[i];
            var id = routerId ?? NextFree(Wrap(baseRouterId + i), explicitIds);
            result.Add(entry with { VirtualRouterId = id, VirtualRouterIdDerived = routerId is null });
        }
        return result;
    }

    private static int Wrap(int id) => (id - 1) % MaxRouterId + 1;

    private static int NextFree(int id, HashSet<int> taken)
    {
        for (var step = 0; step < MaxRouterId && taken.Contains(id); step++) id = Wrap(id + 1);
        return id;
    }

    private (VipEntry Entry, int? RouterId) ParseEntry(YamlSection entry)
    {
        var name = entry.String("name", required: true, fix: "add `name: api` (a name for this VIP: letters, digits, - and _)") ?? "";
        if (name.Length > 0 && !InventoryPatterns.SafeName().IsMatch(name))
            problems.Error("bad-name", entry.FieldPath("name"), $"{ShownText.Quote(name)} is not a valid name", "use 1-63 letters, digits, - and _, starting with a letter or digit");
        var address = Cidr(entry, "address", required: true, ipv6Only: false) ?? new VirtualIp(IPAddress.None, 32);
        var address6 = Cidr(entry, "address6", required: false, ipv6Only: true);
        if (address6 is not null && address.Address.AddressFamily == AddressFamily.InterNetworkV6 && !problems.HasErrorAt(entry.FieldPath("address")))
            problems.Error("dual-stack-pair", entry.FieldPath("address6"), "a dual-stack pair is an IPv4 `address` with an IPv6 `address6`, but `address` is IPv6 already",
                "write the IPv4 VIP as `address:` and the IPv6 VIP as `address6:`, or drop `address6` for an IPv6-only VIP");
        var iface = entry.String("interface");
        if (iface is not null && !InventoryPatterns.InterfaceName().IsMatch(iface))
            problems.Error("bad-interface", entry.FieldPath("interface"), $"{ShownText.Quote(iface)} is not a network interface name", "use the name `ip -br link` shows on the node, e.g. ens160 (1-15 letters, digits, . _ -)");
        var routerId = entry.Int("virtual_router_id");
        var priorities = Priorities(entry);
        entry.RejectUnknownKeys();
        return (new VipEntry(name, address, address6, iface, 0, true, priorities, Shorthand: false), routerId);
    }

    /// <summary>`priorities: {lb1: 150, lb2: 100}`: this VIP's priority on each node.</summary>
    private Dictionary<string, int>? Priorities(YamlSection entry)
    {
        var node = entry.Node("priorities");
        if (node is null) return null;
        var field = entry.FieldPath("priorities");
        if (node is not YamlMappingNode mapping)
        {
            problems.Error("not-a-section", field, "must be a section of `NODE: PRIORITY` lines", "write e.g. `priorities: {lb1: 150, lb2: 100, lb3: 50}`, one priority for every node");
            return null;
        }
        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var nodeName = (key as YamlScalarNode)?.Value ?? "";
            var path = $"{field}.{nodeName}";
            problems.SourceMap.Record(path, YamlSection.PositionOf(value));
            if (value is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority))
                priorities[nodeName] = priority;
            else
                problems.ErrorAt(YamlSection.PositionOf(value), "not-a-number", path, "is not a whole number", $"write `{nodeName}: 100` (1-254, the highest holds this VIP)");
        }
        return priorities;
    }

    /// <summary>ADDRESS/PREFIX, IPv4 (prefix 1-32) or IPv6 (prefix 1-128); with <paramref name="ipv6Only"/> IPv6 only.</summary>
    private VirtualIp? Cidr(YamlSection entry, string key, bool required, bool ipv6Only)
    {
        var example = ipv6Only ? "fd00:211::106/64" : "10.211.0.106/24";
        var text = entry.String(key, required, $"add `{key}: ADDRESS/PREFIX`, e.g. `{key}: {example}`");
        if (text is null) return null;
        var field = entry.FieldPath(key);
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            problems.Error("vip-without-prefix", field, $"{ShownText.Quote(text)} has no prefix length", $"write it with the subnet's prefix, e.g. `{key}: {text}/{(text.Contains(':', StringComparison.Ordinal) ? 64 : 24)}`");
            return null;
        }
        var (addressText, prefixText) = (text[..slash], text[(slash + 1)..]);
        if (YamlSection.TryParseIPv4(addressText, out var v4) && !ipv6Only)
            return Prefix(field, text, v4, prefixText, 32, example);
        if (addressText.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(addressText, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && v6.ScopeId == 0)
            return Prefix(field, text, v6, prefixText, 128, example);
        problems.Error("bad-cidr", field, $"{ShownText.Quote(text)} is not {(ipv6Only ? "an IPv6" : "an IPv4 or IPv6")} address with a prefix length", $"write it like `{key}: {example}`");
        return null;
    }

    private VirtualIp? Prefix(string field, string text, IPAddress address, string prefixText, int max, string example)
    {
        if (prefixText.Length is > 0 and <= 3 && prefixText.All(char.IsAsciiDigit) && prefixText[0] != '0' && int.Parse(prefixText, CultureInfo.InvariantCulture) is var prefix && prefix <= max)
            return new VirtualIp(address, prefix);
        problems.Error("bad-cidr", field, $"{ShownText.Quote(text)} has a prefix length outside 1-{max}", $"write the subnet's prefix length, e.g. `{example}`");
        return null;
    }
}
