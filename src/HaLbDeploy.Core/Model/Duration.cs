using System.Globalization;
using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Model;

/// <summary>A time span written the way haproxy and humans write it: 500ms, 1s, 15m, 1h.</summary>
public readonly partial record struct Duration(long Milliseconds)
{
    /// <summary>
    /// The longest duration the tools that read one accept: haproxy refuses a timeout or `inter` above 2147483647 ms
    /// ("timer overflow … maximum value is 2147483647 ms or ~24.8 days"), and SSH.NET a connection timeout above
    /// Int32.MaxValue milliseconds.
    /// </summary>
    public static readonly Duration Longest = new(int.MaxValue);

    public TimeSpan AsTimeSpan => TimeSpan.FromMilliseconds(Milliseconds);

    public static Duration FromSeconds(long seconds) => new(seconds * 1000);

    /// <summary>Parses "500ms", "2s", "15m", "1h" or a bare number of seconds.</summary>
    public static bool TryParse(string text, out Duration duration)
    {
        duration = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return false;
        var factor = match.Groups["unit"].Value switch
        {
            "ms" => 1L,
            "" or "s" => 1000L,
            "m" => 60_000L,
            "h" => 3_600_000L,
            _ => 0L,
        };
        if (n > long.MaxValue / factor / 2) return false;
        duration = new Duration(n * factor);
        return true;
    }

    /// <summary>The shortest exact form, e.g. 900000 ms as "15m".</summary>
    public override string ToString() => Milliseconds switch
    {
        0 => "0s",
        var ms when ms % 3_600_000 == 0 => $"{ms / 3_600_000}h",
        var ms when ms % 60_000 == 0 => $"{ms / 60_000}m",
        var ms when ms % 1000 == 0 => $"{ms / 1000}s",
        var ms => $"{ms}ms",
    };

    [GeneratedRegex(@"^(?<n>[0-9]{1,12})(?<unit>ms|s|m|h)?\z")]
    private static partial Regex Pattern();
}
