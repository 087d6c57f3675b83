using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// The upstream part of a distribution package version as a <see cref="Version"/>: "1:2.2.7-1+b2" (dpkg, with an
/// epoch) gives 2.2.7, "1.5.18-9.el7" (rpm) gives 1.5.18, "2.6.12-1+deb12u1" gives 2.6.12.
/// </summary>
public static partial class UpstreamVersion
{
    public static Version? Parse(string? packageVersion)
    {
        if (string.IsNullOrWhiteSpace(packageVersion)) return null;
        var match = Leading().Match(packageVersion.Trim());
        return match.Success && Version.TryParse(match.Groups[1].Value.Contains('.', StringComparison.Ordinal) ? match.Groups[1].Value : match.Groups[1].Value + ".0", out var version)
            ? version
            : null;
    }

    // An optional epoch ("1:"), then digits and dots up to the first other character.
    [GeneratedRegex(@"^(?:\d+:)?(\d+(?:\.\d+){0,3})")]
    private static partial Regex Leading();
}
