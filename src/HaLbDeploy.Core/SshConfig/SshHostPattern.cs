namespace HaLbDeploy.Core.SshConfig;

/// <summary>
/// ssh_config's Host patterns (ssh_config(5) PATTERNS): `*` any run of characters, `?` one character, a leading `!`
/// negates, compared without regard to case as ssh does.
/// </summary>
public static class SshHostPattern
{
    /// <summary>
    /// True when some positive pattern matches one of the names and no negated pattern matches any of them: a node
    /// is known by its address and its name, and a `!` on either keeps the block away from it.
    /// </summary>
    public static bool MatchesAny(IReadOnlyList<string> patterns, IReadOnlyList<string> names)
    {
        var matched = false;
        foreach (var pattern in patterns)
        {
            var negated = pattern.StartsWith('!');
            var body = negated ? pattern[1..] : pattern;
            var hit = names.Any(n => Matches(body, n));
            if (hit && negated) return false;
            matched |= hit && !negated;
        }
        return matched;
    }

    /// <summary>Wildcard match of the whole name, iterative (no backtracking blow-up on `*a*a*a*b`).</summary>
    public static bool Matches(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
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
