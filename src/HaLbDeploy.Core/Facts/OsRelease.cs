namespace HaLbDeploy.Core.Facts;

/// <summary>The fields of /etc/os-release that decide how to manage a node.</summary>
internal sealed record OsRelease(string? Id, string? VersionId, string? PrettyName, IReadOnlyList<string> IdLike)
{
    /// <summary>Reads KEY=value lines; values may be double- or single-quoted with backslash escapes.</summary>
    public static OsRelease Parse(IEnumerable<string> lines)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            var equals = trimmed.IndexOf('=');
            if (equals <= 0) continue;
            fields[trimmed[..equals]] = Unquote(trimmed[(equals + 1)..]);
        }
        return new OsRelease(
            NonEmpty(fields.GetValueOrDefault("ID")),
            NonEmpty(fields.GetValueOrDefault("VERSION_ID")),
            NonEmpty(fields.GetValueOrDefault("PRETTY_NAME")),
            (fields.GetValueOrDefault("ID_LIKE") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public OsFamily Family
    {
        get
        {
            var names = IdLike.Prepend(Id ?? "").Select(n => n.ToLowerInvariant()).ToList();
            if (names.Any(n => n is "debian" or "ubuntu")) return OsFamily.Debian;
            if (names.Any(n => n is "rhel" or "fedora" or "centos")) return OsFamily.RedHat;
            return OsFamily.Unknown;
        }
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            var inner = value[1..^1];
            return value[0] == '"' ? inner.Replace("\\\"", "\"").Replace("\\$", "$").Replace("\\`", "`").Replace("\\\\", "\\") : inner;
        }
        return value;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
