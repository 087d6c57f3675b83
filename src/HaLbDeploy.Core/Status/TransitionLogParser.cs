using System.Globalization;

namespace HaLbDeploy.Core.Status;

/// <summary>
/// Reads the notify script's log, "EPOCH.NANOSECONDS ISO-TIME KIND NAME STATE PRIORITY" per line
/// (playbooks/templates/halb-vrrp-notify.sh.liquid). The epoch field is the one used: it needs no time zone and
/// carries the full precision. Tolerant: a line it cannot read (cut short, edited by hand) is left out.
/// </summary>
public static class TransitionLogParser
{
    public static IReadOnlyList<VrrpTransition> Parse(IEnumerable<string> lines)
    {
        var transitions = new List<VrrpTransition>();
        foreach (var line in lines)
        {
            var fields = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6 || Epoch(fields[0]) is not { } at) continue;
            if (fields[2] is not ("INSTANCE" or "GROUP")) continue;
            var priority = int.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
            transitions.Add(new VrrpTransition(at, fields[2], fields[3], fields[4], priority));
        }
        return transitions.OrderBy(t => t.At).ToList();
    }

    /// <summary>"1764635401.123456789" to a UTC time, exact to the 100 ns tick; null when it is not such a number.</summary>
    public static DateTimeOffset? Epoch(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        if (whole.Length is 0 or > 12 || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return null;
        if (fraction.Length > 0 && !fraction.All(char.IsAsciiDigit)) return null;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        return DateTimeOffset.UnixEpoch.AddSeconds(seconds).AddTicks(ticks);
    }
}
