namespace HaLbDeploy.Core.Packages;

/// <summary>
/// Orders package version strings as dpkg does ("[epoch:]upstream[-revision]"; a tilde sorts before anything,
/// even the end, letters before other characters, digit runs as numbers). RPM's "[epoch:]version-release" orders
/// the same way for the versions keepalived and haproxy carry, which is all that is needed to decide "newer".
/// </summary>
public static class PackageVersionOrder
{
    /// <summary>Negative when <paramref name="a"/> is older than <paramref name="b"/>, 0 when equal, positive when newer.</summary>
    public static int Compare(string a, string b)
    {
        var (epochA, upstreamA, revisionA) = Split(a);
        var (epochB, upstreamB, revisionB) = Split(b);
        var byEpoch = epochA.CompareTo(epochB);
        if (byEpoch != 0) return byEpoch;
        var byUpstream = CompareParts(upstreamA, upstreamB);
        return byUpstream != 0 ? byUpstream : CompareParts(revisionA, revisionB);
    }

    public static bool IsNewer(string candidate, string installed) => Compare(candidate, installed) > 0;

    private static (long Epoch, string Upstream, string Revision) Split(string version)
    {
        var text = version.Trim();
        long epoch = 0;
        var colon = text.IndexOf(':');
        if (colon > 0 && long.TryParse(text[..colon], out var parsed))
        {
            epoch = parsed;
            text = text[(colon + 1)..];
        }
        var dash = text.LastIndexOf('-');
        return dash < 0 ? (epoch, text, "") : (epoch, text[..dash], text[(dash + 1)..]);
    }

    /// <summary>dpkg's verrevcmp: alternating non-digit and digit runs.</summary>
    private static int CompareParts(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ca = i < a.Length && !char.IsAsciiDigit(a[i]) ? Weight(a[i]) : 0;
                var cb = j < b.Length && !char.IsAsciiDigit(b[j]) ? Weight(b[j]) : 0;
                if (ca != cb) return ca - cb;
                if (i < a.Length && !char.IsAsciiDigit(a[i])) i++;
                if (j < b.Length && !char.IsAsciiDigit(b[j])) j++;
            }
            while (i < a.Length && a[i] == '0') i++;
            while (j < b.Length && b[j] == '0') j++;
            var firstDiff = 0;
            while (i < a.Length && char.IsAsciiDigit(a[i]) && j < b.Length && char.IsAsciiDigit(b[j]))
            {
                if (firstDiff == 0) firstDiff = a[i] - b[j];
                i++;
                j++;
            }
            if (i < a.Length && char.IsAsciiDigit(a[i])) return 1;
            if (j < b.Length && char.IsAsciiDigit(b[j])) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }

    private static int Weight(char c) => c == '~' ? -1 : char.IsAsciiLetter(c) ? c : c + 256;
}
