namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads `firewall-cmd [--permanent] --list-all-zones` as firewalld 0.4 to 2.x print it: a zone name at the start
/// of a line (followed by "(active)", "(default, active)" or nothing, depending on version), then "  key: values"
/// lines; the entries of "rich rules:" and "forward-ports:" follow on lines that start with a tab. Zones are
/// separated by blank lines.
/// </summary>
internal static class FirewallZoneListParser
{
    public static IReadOnlyList<FirewallZone> Parse(IEnumerable<string> lines)
    {
        var zones = new List<FirewallZone>();
        string? zone = null;
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? lastKey = null;

        foreach (var line in lines)
        {
            if (line.Trim().Length == 0) continue;
            if (!char.IsWhiteSpace(line[0]))
            {
                Close();
                zone = line.Split(' ', 2)[0].Trim();
                continue;
            }
            if (zone is null) continue;
            if (line[0] == '\t')
            {
                if (lastKey is not null) fields[lastKey].Add(line.Trim());
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            lastKey = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            fields[lastKey] = lastKey is "rich rules" or "forward-ports"
                ? (value.Length > 0 ? [value] : [])
                : value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        Close();
        return zones;

        void Close()
        {
            if (zone is not null)
            {
                zones.Add(new FirewallZone(
                    zone,
                    Field("target").FirstOrDefault() ?? "default",
                    Field("interfaces"),
                    Field("sources"),
                    Field("services"),
                    Field("ports"),
                    Field("protocols"),
                    Field("rich rules")));
            }
            zone = null;
            lastKey = null;
            fields.Clear();
        }

        IReadOnlyList<string> Field(string key) => fields.TryGetValue(key, out var values) ? values.ToArray() : [];
    }
}
