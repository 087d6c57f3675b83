using System.Globalization;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>Reads a hop written as ssh does, `[user@]host[:port]`, and a chain of them separated by commas.</summary>
public static class SshHopSyntax
{
    public const string Example = "`proxy_jump: admin@bastion.example.net:2222` (several hops: separated by commas, the first is dialled first)";

    /// <summary>The hops, or the reason the text is not a chain of hops (null hops).</summary>
    public static (IReadOnlyList<SshHop>? Hops, string? Problem) ParseChain(string text)
    {
        var hops = new List<SshHop>();
        foreach (var part in text.Split(','))
        {
            var (hop, problem) = Parse(part.Trim());
            if (hop is null) return (null, problem);
            hops.Add(hop);
        }
        return (hops, null);
    }

    public static (SshHop? Hop, string? Problem) Parse(string text)
    {
        if (text.Length == 0) return (null, "has an empty hop (two commas, or a comma at an end)");
        if (text.Contains("://", StringComparison.Ordinal)) return (null, $"{ShownText.Quote(text)} is a URI; write the hop as [user@]host[:port]");
        string? user = null;
        var rest = text;
        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            user = text[..at];
            rest = text[(at + 1)..];
            if (!InventoryPatterns.UserName().IsMatch(user)) return (null, $"{ShownText.Quote(user)} in {ShownText.Quote(text)} is not a valid user name");
        }
        var port = 22;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            var portText = rest[(colon + 1)..];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                return (null, $"{ShownText.Quote(portText)} in {ShownText.Quote(text)} is not a port number 1-65535");
            rest = rest[..colon];
        }
        return CheckHost(rest, text) is { } problem ? (null, problem) : (new SshHop(rest, port, user), null);
    }

    /// <summary>Null when <paramref name="host"/> is an IPv4 address or a host name.</summary>
    public static string? CheckHost(string host, string written)
    {
        if (host.Length == 0) return $"{ShownText.Quote(written)} names no host";
        if (YamlSection.TryParseIPv4(host, out _)) return null;
        if (YamlSection.WithoutLeadingZeros(host) is not null || InventoryPatterns.NumericLastLabel().IsMatch(host) || !InventoryPatterns.HostName().IsMatch(host))
            return $"{ShownText.Quote(host)} in {ShownText.Quote(written)} is neither an IPv4 address nor a host name";
        return null;
    }
}
