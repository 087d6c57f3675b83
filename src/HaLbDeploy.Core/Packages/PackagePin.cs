namespace HaLbDeploy.Core.Packages;

/// <summary>
/// `packages.pin.NAME`: the version a package must have, exactly ("2.6.12-1+deb12u4") or by prefix ending in "*"
/// ("2.2.7-1*"). A version matches with or without its epoch ("1:2.2.7-1+b2" matches "2.2.7-1*").
/// </summary>
public sealed record PackagePin(string Package, string Pattern)
{
    public bool IsPrefix => Pattern.EndsWith('*');

    public bool Matches(string version) => MatchesText(version) || (version.IndexOf(':') is var colon and > 0 && MatchesText(version[(colon + 1)..]));

    private bool MatchesText(string version) =>
        IsPrefix ? version.StartsWith(Pattern[..^1], StringComparison.Ordinal) : version == Pattern;

    /// <summary>The newest of these versions the pin allows; null when none does.</summary>
    public string? NewestMatch(IEnumerable<string> versions) =>
        versions.Where(Matches).Aggregate((string?)null, (best, v) => best is null || PackageVersionOrder.IsNewer(v, best) ? v : best);

    public override string ToString() => $"{Package} pinned to {Pattern}";
}
