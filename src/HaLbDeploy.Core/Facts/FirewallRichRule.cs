namespace HaLbDeploy.Core.Facts;

/// <summary>
/// The parts of a firewalld rich rule that decide whether it lets VRRP or a TCP port in, e.g.
/// <c>rule family="ipv4" source address="10.0.0.12" protocol value="vrrp" accept</c> or
/// <c>rule family="ipv4" port port="6443" protocol="tcp" accept</c>.
/// </summary>
/// <param name="Port">"6443/tcp" from a port element; null without one.</param>
internal sealed record FirewallRichRule(string? Family, string? Protocol, string? Port, bool Accepts)
{
    public bool AcceptsIPv4 => Accepts && Family is null or "ipv4";

    public static FirewallRichRule Parse(string rule)
    {
        var words = SplitOutsideQuotes(rule);
        string? family = null, protocol = null, port = null;
        var accepts = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith("family=", StringComparison.Ordinal) && i > 0 && words[i - 1] == "rule") family = Value(word);
            else if (word == "protocol" && i + 1 < words.Count && words[i + 1].StartsWith("value=", StringComparison.Ordinal)) protocol = Value(words[i + 1]);
            else if (word == "port" && i + 1 < words.Count && words[i + 1].StartsWith("port=", StringComparison.Ordinal))
            {
                var number = Value(words[i + 1]);
                var proto = i + 2 < words.Count && words[i + 2].StartsWith("protocol=", StringComparison.Ordinal) ? Value(words[i + 2]) : "";
                port = $"{number}/{proto}";
            }
            else if (word == "accept") accepts = true;
        }
        return new FirewallRichRule(family, protocol, port, accepts);
    }

    private static string Value(string word)
    {
        var equals = word.IndexOf('=');
        return word[(equals + 1)..].Trim('"', '\'');
    }

    private static List<string> SplitOutsideQuotes(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
