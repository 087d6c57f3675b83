namespace HaLbDeploy.Core.Failover;

/// <summary>
/// Decides, from the samples that have come back so far, whether a phase is over: every required node has fresh
/// samples past <c>since</c> + <c>stableFor</c>, and through the last <c>stableFor</c> of what all of them cover,
/// the holders were always what the phase expects. Pure, so the runner's waiting is tested without nodes.
/// </summary>
public static class SettleCheck
{
    public static bool IsSettled(HolderTimeline timeline, IReadOnlyCollection<string> required, DateTimeOffset since, TimeSpan stableFor,
        Func<IReadOnlyList<string>, bool> expected)
    {
        if (required.Count == 0) return false;
        var covered = required.Select(timeline.LastSampleOf).ToList();
        if (covered.Any(c => c is null)) return false;
        var upTo = covered.Min()!.Value;
        var from = upTo - stableFor;
        if (from < since) return false;
        var segments = timeline.Between(from, upTo);
        return segments.Count > 0
            && segments[0].Start <= from
            && segments.All(s => expected(s.Holders) && !s.Unknown.Any(required.Contains));
    }
}
