namespace HaLbDeploy.Core.Failover;

/// <summary>The control host's view of the VIP in one window of time.</summary>
/// <param name="Gaps">Every stretch between two successful probes (or the edges of the series) that overlaps the window.</param>
public sealed record ProbeStatistics(int Sent, int Failed, IReadOnlyList<ProbeWindow> Gaps)
{
    /// <summary>The longest stretch without a successful probe, pauses of the prober included; null without probes.</summary>
    public ProbeWindow? LongestGap => Gaps.Count == 0 ? null : Gaps.MaxBy(g => g.Duration);

    /// <summary>Every stretch that held at least one failed probe.</summary>
    public IReadOnlyList<ProbeWindow> Outages => Gaps.Where(g => g.FailedProbes > 0).ToList();

    /// <summary>The stretch with failed probes in it that the prober watched longest: what clients saw. Null when no probe failed.</summary>
    public ProbeWindow? LongestOutage => Outages.Count == 0 ? null : Outages.MaxBy(o => o.Observed);

    /// <summary>Where the prober itself paused (a busy control host), in every stretch of the window.</summary>
    public IReadOnlyList<ProberPause> Pauses => Gaps.SelectMany(g => g.Pauses).ToList();

    /// <summary>The longest pause of the prober; zero when it kept its rhythm.</summary>
    public TimeSpan LongestPause => Pauses.Select(p => p.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>
    /// Probes are dated by their start. Gaps are measured between consecutive successful probes of the whole series,
    /// so an outage that began before the window is measured whole. <paramref name="probeInterval"/> is how often the
    /// prober starts a probe: where consecutive starts lie more than <see cref="ProberPause.AfterIntervals"/> of
    /// them apart, the prober paused (<see cref="ProberPause"/>).
    /// </summary>
    public static ProbeStatistics For(IReadOnlyList<ProbeSample> probes, DateTimeOffset from, DateTimeOffset to, TimeSpan probeInterval)
    {
        var ordered = probes.OrderBy(p => p.At).ToList();
        var inWindow = ordered.Where(p => p.At >= from && p.At < to).ToList();
        if (ordered.Count == 0) return new ProbeStatistics(0, 0, []);

        var gaps = new List<ProbeWindow>();
        DateTimeOffset? lastSuccess = null;
        var failed = 0;
        string? firstFailure = null;
        DateTimeOffset? firstFailedAt = null;
        var pauses = new List<ProberPause>();
        var edge = ordered[0].At;
        var previousStart = edge;
        foreach (var probe in ordered)
        {
            if (ProberPause.Between(previousStart, probe.At, probeInterval) is { } pause) pauses.Add(pause);
            previousStart = probe.At;
            if (probe.Succeeded)
            {
                gaps.Add(new ProbeWindow(lastSuccess ?? edge, probe.At, failed, firstFailedAt, firstFailure, pauses));
                lastSuccess = probe.At;
                failed = 0;
                firstFailure = null;
                firstFailedAt = null;
                pauses = [];
            }
            else
            {
                failed++;
                firstFailure ??= probe.Failure;
                firstFailedAt ??= probe.At;
            }
        }
        if (failed > 0) gaps.Add(new ProbeWindow(lastSuccess ?? edge, ordered[^1].At + ordered[^1].Duration, failed, firstFailedAt, firstFailure, pauses));

        return new ProbeStatistics(inWindow.Count, inWindow.Count(p => !p.Succeeded), gaps.Where(g => g.End > from && g.Start < to).ToList());
    }
}
