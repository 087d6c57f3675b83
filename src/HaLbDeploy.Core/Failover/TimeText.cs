using System.Globalization;

namespace HaLbDeploy.Core.Failover;

/// <summary>How failover times are written: "0.648 s", and offsets from the fault as "+1.234 s" / "-0.500 s".</summary>
public static class TimeText
{
    public static string Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3).ToString("0.000", CultureInfo.InvariantCulture) + " s";

    public static string Offset(DateTimeOffset at, DateTimeOffset origin)
    {
        var seconds = Math.Round((at - origin).TotalSeconds, 3);
        if (seconds == 0) seconds = 0; // no "-0.000"
        return (seconds >= 0 ? "+" : "") + seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
    }
}
