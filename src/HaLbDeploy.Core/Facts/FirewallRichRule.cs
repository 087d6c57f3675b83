namespace HaLbDeploy.Core.Facts;

/// <summary>
/// The parts of a firewalld rich rule that decide whether it lets VRRP or a TCP port in, e.g.
/// <c>rule family="ipv4" source address="10.0.0.12" protocol value="vrrp" accept</c> or
/// <c>rule family="ipv4" port port="6443" protocol="tcp" accept</c>.
/// </summary>
/// <param name="Port">"6443/tcp" from a port element; null without one.</param>
/// <param name="Source">The source address or network ("10.0.0.12", "10.0.0.0/24"); null: from anywhere.</param>
/// <param name="Destination">The destination address or network; null: to anywhere.</param>
internal sealed record FirewallRichRule(string? Family, string? Protocol, string? Port, bool Accepts, string? Source = null, string? Destination = null)
{
    public bool AcceptsIPv4 => Accepts && Family is null or "ipv4";

    /// <summary>An address matches a source or destination element: none (anything), the same address, or a network holding it.</summary>
    public static bool Matches(string? element, System.Net.IPAddress address)
    {
        if (element is null) return true;
        if (element.Contains('/', StringComparison.Ordinal))
            return System.Net.IPNetwork.TryParse(element, out var network) && network.Contains(address);
        return System.Net.IPAddress.TryParse(element, out var single) && single.Equals(address);
    }

    public static FirewallRichRule Parse(string rule)
    {
        var words = SplitOutsideQuotes(rule);
        string? family = null, protocol = null, port = null, source = null, destination = null;
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
            else if (word is "source" or "destination" && i + 1 < words.Count && words[i + 1].StartsWith("address=", StringComparison.Ordinal))
            {
                if (word == "source") source = Value(words[i + 1]);
                else destination = Value(words[i + 1]);
            }
            else if (word == "accept") accepts = true;
        }
        return new FirewallRichRule(family, protocol, port, accepts, source, destination);
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
