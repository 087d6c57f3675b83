using HaLbDeploy.Core.Status;
using HaLbDeploy.Core.Tests.Verification;

namespace HaLbDeploy.Core.Tests.Status;

/// <summary>
/// Outputs of <see cref="TierStatusScript"/> made from verify's recordings on the lab (the same first sections) with
/// the node's clock and a transition log added where the script prints them, before the end marker.
/// </summary>
public static class StatusRecordings
{
    public static readonly DateTimeOffset Clock = DateTimeOffset.FromUnixTimeSeconds(1764640000);

    public static string With(string recording, DateTimeOffset clock, IEnumerable<string>? log)
    {
        var sections = $"@@halb clock {clock.ToUnixTimeMilliseconds()}000000\n" +
                       (log is null ? "@@halb transitions-missing\n" : "@@halb transitions\n" + string.Concat(log.Select(l => l + "\n")) + "@@halb transitions-end\n");
        return RecordedStatus.Text(recording).Replace("@@halb end", sections + "@@halb end", StringComparison.Ordinal);
    }

    /// <summary>A log line at <paramref name="at"/> in the notify script's format.</summary>
    public static string Line(DateTimeOffset at, string state, int priority = 100, string name = "VI_k8s-recipe", string kind = "INSTANCE")
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var epoch = $"{ticks / TimeSpan.TicksPerSecond}.{ticks % TimeSpan.TicksPerSecond:0000000}00";
        return $"{epoch} {at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}00Z {kind} {name} {state} {priority}";
    }
}
