namespace HaLbDeploy.Core.Validation;

/// <summary>Suggests the closest known name for a misspelt one (Levenshtein distance).</summary>
public static class DidYouMean
{
    /// <summary>Longer names are never a typo of a key (and comparing them would cost time for nothing).</summary>
    public const int MaxTypedLength = 64;

    public static string? Suggest(string typed, IEnumerable<string> known)
    {
        if (typed.Length > MaxTypedLength) return null;
        var best = known
            .Select(k => (Name: k, Distance: Distance(typed.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var limit = Math.Max(2, typed.Length / 3);
        return best.Name is not null && best.Distance <= limit ? best.Name : null;
    }

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
