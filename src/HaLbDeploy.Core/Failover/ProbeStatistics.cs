namespace HaLbDeploy.Core.Failover;

/// <summary>The control host's view of the VIP in one window of time.</summary>
/// <param name="Gaps">Every stretch between two successful probes (or the edges of the series) that overlaps the window.</param>
public sealed record ProbeStatistics(int Sent, int Failed, IReadOnlyList<ProbeWindow> Gaps)
{
    /// <summary>The longest stretch without a successful probe; null without probes.</summary>
    public ProbeWindow? LongestGap => Gaps.Count == 0 ? null : Gaps.MaxBy(g => g.Duration);

    /// <summary>Every stretch that held at least one failed probe.</summary>
    public IReadOnlyList<ProbeWindow> Outages => Gaps.Where(g => g.FailedProbes > 0).ToList();

    /// <summary>The longest stretch with failed probes in it: what clients saw. Null when no probe failed.</summary>
    public ProbeWindow? LongestOutage => Outages.Count == 0 ? null : Outages.MaxBy(o => o.Duration);

    /// <summary>
    /// Probes are dated by their start. Gaps are measured between consecutive successful probes of the whole series,
    /// so an outage that began before the window is measured whole.
    /// </summary>
    public static ProbeStatistics For(IReadOnlyList<ProbeSample> probes, DateTimeOffset from, DateTimeOffset to)
    {
        var ordered = probes.OrderBy(p => p.At).ToList();
        var inWindow = ordered.Where(p => p.At >= from && p.At < to).ToList();
        if (ordered.Count == 0) return new ProbeStatistics(0, 0, []);

        var gaps = new List<ProbeWindow>();
        DateTimeOffset? lastSuccess = null;
        var failed = 0;
        string? firstFailure = null;
        DateTimeOffset? firstFailedAt = null;
        var edge = ordered[0].At;
        foreach (var probe in ordered)
        {
            if (probe.Succeeded)
            {
                gaps.Add(new ProbeWindow(lastSuccess ?? edge, probe.At, failed, firstFailedAt, firstFailure));
                lastSuccess = probe.At;
                failed = 0;
                firstFailure = null;
                firstFailedAt = null;
            }
            else
            {
                failed++;
                firstFailure ??= probe.Failure;
                firstFailedAt ??= probe.At;
            }
        }
        if (failed > 0) gaps.Add(new ProbeWindow(lastSuccess ?? edge, ordered[^1].At + ordered[^1].Duration, failed, firstFailedAt, firstFailure));

        return new ProbeStatistics(inWindow.Count, inWindow.Count(p => !p.Succeeded), gaps.Where(g => g.End > from && g.Start < to).ToList());
    }
}
