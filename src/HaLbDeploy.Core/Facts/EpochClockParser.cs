using System.Globalization;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads `date +%s%N` as Unix epoch milliseconds. GNU date prints nanoseconds (19 digits); a date without %N
/// support prints the seconds followed by "N" or "%N", which still gives the time to the second.
/// </summary>
internal static class EpochClockParser
{
    public static long? Parse(IEnumerable<string> values)
    {
        var text = values.FirstOrDefault();
        if (text is null) return null;
        var digits = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        var rest = text[digits.Length..];
        if (rest is "N" or "%N") return digits.Length <= 12 ? number * 1000 : null;
        if (rest.Length > 0) return null;
        return digits.Length switch
        {
            >= 16 and <= 19 => number / 1_000_000,
            <= 12 => number * 1000,
            _ => null,
        };
    }
}
