using System.Security.Cryptography;
using System.Text;

namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>How OpenSSH names a host in known_hosts and matches the host field of a line against it.</summary>
public static class KnownHostName
{
    private const string HashedPrefix = "|1|";

    /// <summary>"host" for port 22, "[host]:port" otherwise (OpenSSH's put_host_port).</summary>
    public static string Format(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    /// <summary>True when the host field (a comma list of patterns, or one hashed name) names host:port.</summary>
    public static bool Matches(string hostField, string host, int port)
    {
        var name = Format(host, port).ToLowerInvariant();
        return hostField.StartsWith(HashedPrefix, StringComparison.Ordinal)
            ? HashedMatches(hostField, name)
            : PatternListMatches(hostField, name);
    }

    /// <summary>The hashed form "|1|base64(salt)|base64(HMAC-SHA1(salt, name))" that `ssh-keygen -H` writes.</summary>
    public static string Hash(string host, int port, byte[] salt)
    {
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(Format(host, port).ToLowerInvariant()));
        return $"{HashedPrefix}{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)}";
    }

    public static bool IsHashed(string hostField) => hostField.StartsWith(HashedPrefix, StringComparison.Ordinal);

    /// <summary>True when the field is well formed: either a hashed name with a 20-byte salt and hash, or patterns.</summary>
    public static bool IsWellFormed(string hostField) =>
        IsHashed(hostField) ? TrySplitHashed(hostField, out _, out _) : hostField.Length > 0;

    private static bool HashedMatches(string hostField, string name)
    {
        if (!TrySplitHashed(hostField, out var salt, out var expected)) return false;
        var actual = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TrySplitHashed(string hostField, out byte[] salt, out byte[] hash)
    {
        salt = hash = [];
        var parts = hostField[HashedPrefix.Length..].Split('|');
        if (parts.Length != 2) return false;
        try
        {
            salt = Convert.FromBase64String(parts[0]);
            hash = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length == 20 && hash.Length == 20;
    }

    /// <summary>OpenSSH's match_hostname: any negated pattern that matches wins (no match), else any positive one.</summary>
    private static bool PatternListMatches(string patternList, string name)
    {
        var matched = false;
        foreach (var raw in patternList.Split(','))
        {
            var negated = raw.StartsWith('!');
            var pattern = (negated ? raw[1..] : raw).ToLowerInvariant();
            if (pattern.Length == 0 || !WildcardMatches(pattern, name)) continue;
            if (negated) return false;
            matched = true;
        }
        return matched;
    }

    /// <summary>'*' matches any run of characters, '?' exactly one.</summary>
    private static bool WildcardMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
