namespace HaLbDeploy.Core.SshConfig;

/// <summary>Splits one ssh_config line into its lower-case keyword and its arguments.</summary>
public static class SshConfigLine
{
    /// <summary>False for blank lines and comments (problem null) and for lines that cannot be read (problem set).</summary>
    public static bool TryParse(string raw, out string keyword, out IReadOnlyList<string> arguments, out string? problem)
    {
        keyword = "";
        arguments = [];
        problem = null;
        var line = raw.TrimEnd('\r').Trim(' ', '\t');
        if (line.Length == 0 || line[0] == '#') return false;
        var end = line.IndexOfAny([' ', '\t', '=']);
        keyword = (end < 0 ? line : line[..end]).ToLowerInvariant();
        var rest = end < 0 ? "" : line[end..].TrimStart(' ', '\t');
        if (rest.StartsWith('=')) rest = rest[1..].TrimStart(' ', '\t');
        var split = Split(rest);
        if (split is null)
        {
            problem = $"{keyword}: an unclosed quote, line skipped";
            return false;
        }
        if (split.Count == 0)
        {
            problem = $"{keyword} has no value, line skipped";
            return false;
        }
        arguments = split;
        return true;
    }

    /// <summary>Whitespace-separated arguments, "double quotes" grouping; null when a quote is not closed.</summary>
    private static List<string>? Split(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (!quoted && c is ' ' or '\t')
            {
                if (any) parts.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }
        if (quoted) return null;
        if (any) parts.Add(current.ToString());
        return parts;
    }
}
