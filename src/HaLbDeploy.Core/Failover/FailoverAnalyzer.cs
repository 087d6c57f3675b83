namespace HaLbDeploy.Core.Failover;

/// <summary>
/// Judges a failover test from its recorded series: pure, so the timing maths is tested with made-up series.
/// The failover phase runs from the fault's start to the restore's start, the failback phase from the restore's
/// start to the end. When the faulted node held the VIP: it must give it up and the highest-priority other node
/// must take it over within <see cref="FailoverBounds.Takeover"/>, and clients may see no longer outage than that.
/// When it did not: the VIP must not move and clients must see no outage. In both phases two holders at once
/// are allowed only for the measurement's own resolution. Who should hold the VIP and the bounds come from
/// <see cref="FailoverExpectations"/>, as the runner's waits do.
/// </summary>
public static class FailoverAnalyzer
{
    /// <summary>How many sample intervals without a sample make a node's state unknown.</summary>
    public const int StaleAfterSamples = 10;

    public static FailoverAnalysis Analyze(FailoverObservation observation)
    {
        var scenario = observation.Scenario;
        var timeline = Timeline(scenario, observation.Samples);
        var allowance = FailoverBounds.TwoHolderAllowance(scenario.SampleInterval, scenario.ClockUncertainty);
        var failover = AnalyzeFailover(observation, timeline, allowance);
        var failback = observation.Restore is { } restore ? AnalyzeFailback(observation, restore, timeline, allowance) : null;
        return new FailoverAnalysis(scenario, observation.Fault.StartedAt, failover, failback, Events(observation, timeline), timeline);
    }

    /// <summary>Who held the VIP when, as the analysis sees it: a node without a sample for <see cref="StaleAfterSamples"/> intervals is unknown.</summary>
    public static HolderTimeline Timeline(FailoverScenario scenario, IEnumerable<HolderSample> samples) =>
        new(scenario.Nodes.Select(n => n.Name), samples, StaleAfterSamples * scenario.SampleInterval);

    private static PhaseReport AnalyzeFailover(FailoverObservation o, HolderTimeline timeline, TimingBound allowance)
    {
        var s = o.Scenario;
        var from = o.Fault.StartedAt;
        var to = o.Restore?.StartedAt ?? o.End;
        var faulted = s.FaultedNode;
        var measurements = new List<FailoverMeasurement>();
        if (!o.Fault.Succeeded)
            measurements.Add(new FailoverMeasurement("the fault was injected", null, null, false, $"{o.Fault.Description} failed: {o.Fault.Detail}"));
        var endState = ObservedEnd(to);
        var holdersAtEnd = timeline.HoldersAt(endState);
        var expectation = FailoverExpectations.Failover(s, o.Fault);
        TimingBound gapBound;
        if (expectation.VipMoves)
        {
            var bound = expectation.Bound;
            var expected = new NodePriority(expectation.ExpectedHolder, s.PriorityOf(expectation.ExpectedHolder));
            measurements.Add(Release(o, timeline, faulted, from, to, bound));
            measurements.AddRange(Takeover(timeline, holdersAtEnd, faulted, expected, from, endState, bound));
            gapBound = FailoverBounds.ProbeGap(bound, s.ProbeInterval);
        }
        else
        {
            measurements.Add(Stayed(timeline, s.HolderBefore, from, to, $"the VIP stayed on {s.HolderBefore} ({faulted} did not hold it)"));
            gapBound = FailoverBounds.NoOutage(s.ProbeInterval);
        }
        var probes = ProbeStatistics.For(o.Probes, from, to, s.ProbeInterval);
        var twoHolders = timeline.MultipleHolders(from, to);
        measurements.Add(Gap(probes, gapBound, from, faultStart: from));
        measurements.Add(TwoHolders(twoHolders, allowance, from));
        return new PhaseReport("failover", from, to, from, $"the fault began ({o.Fault.Description})", measurements, probes, twoHolders, holdersAtEnd);
    }

    private static PhaseReport AnalyzeFailback(FailoverObservation o, FaultActionRecord restore, HolderTimeline timeline, TimingBound allowance)
    {
        var s = o.Scenario;
        var from = restore.StartedAt;
        var to = o.End;
        var measurements = new List<FailoverMeasurement>();
        if (!restore.Succeeded)
            measurements.Add(new FailoverMeasurement("the node was restored", null, null, false, $"{restore.Description} failed: {restore.Detail}"));

        var atRestore = timeline.HoldersAt(from);
        var expectation = FailoverExpectations.Failback(s, atRestore.Count == 1 ? atRestore[0] : s.HolderBefore, restore);
        var expected = expectation.ExpectedHolder;
        var reference = restore.CompletedAt;
        var referenceText = $"the restore returned ({restore.Description})";
        if (o.RestoredKeepalivedStartedAt is { } started && started > restore.StartedAt)
        {
            reference = started;
            referenceText = $"keepalived started on {s.FaultedNode}";
        }
        var endState = ObservedEnd(to);
        var holdersAtEnd = timeline.HoldersAt(endState);
        if (!expectation.VipMoves)
        {
            var why = s.Timing.Preempt ? "" : " (nopreempt: the VIP stays where it is)";
            measurements.Add(Stayed(timeline, expected, from, to, $"the VIP stayed on {expected}{why}"));
        }
        else
        {
            var bound = expectation.Bound;
            var since = timeline.HoldingSince(expected, endState);
            if (since is { } back && back >= from)
            {
                var took = back < reference ? TimeSpan.Zero : back - reference;
                measurements.Add(new FailoverMeasurement($"the VIP returned to {expected}", took, bound, took <= bound.Value,
                    $"from when {referenceText} to the first sample of {expected} with the VIP (preempt: it has the highest priority)"));
            }
            else
            {
                measurements.Add(new FailoverMeasurement($"the VIP returned to {expected}", null, bound, false,
                    $"{expected} did not hold the VIP when sampling ended; holders then: {Names(holdersAtEnd)}"));
            }
        }
        measurements.Add(new FailoverMeasurement($"exactly one holder at the end: {expected}", null, null, holdersAtEnd.SequenceEqual([expected]),
            $"holders when sampling ended: {Names(holdersAtEnd)}"));
        var probes = ProbeStatistics.For(o.Probes, from, to, s.ProbeInterval);
        var twoHolders = timeline.MultipleHolders(from, to);
        measurements.Add(Gap(probes, FailoverBounds.NoOutage(s.ProbeInterval), o.Fault.StartedAt));
        measurements.Add(TwoHolders(twoHolders, allowance, o.Fault.StartedAt));
        return new PhaseReport("failback", from, to, reference, referenceText, measurements, probes, twoHolders, holdersAtEnd);
    }

    private static FailoverMeasurement Release(FailoverObservation o, HolderTimeline timeline, string node, DateTimeOffset from, DateTimeOffset to, TimingBound bound)
    {
        var name = $"{node} gave the VIP up";
        var release = timeline.FirstRelease(node, from, to);
        if (release is not null)
        {
            var took = release.At - from;
            var how = release.Inferred ? "it was powered off: it holds nothing from the moment the fault command returned" : $"first sample of {node} without the VIP";
            return new FailoverMeasurement(name, took, bound, took <= bound.Value, how);
        }
        var sampled = o.Samples.Any(x => x.Node == node && !x.Inferred && x.At >= from && x.At < to);
        return sampled
            ? new FailoverMeasurement(name, null, bound, false, $"{node} still held the VIP when the phase ended")
            : new FailoverMeasurement(name, null, bound, true, $"not observed: no sample from {node} between the fault and the restore (unreachable); judged by the takeover and the two-holder check");
    }

    private static IEnumerable<FailoverMeasurement> Takeover(HolderTimeline timeline, IReadOnlyList<string> holdersAtEnd, string faulted, NodePriority expected,
        DateTimeOffset from, DateTimeOffset endState, TimingBound bound)
    {
        var others = holdersAtEnd.Where(n => n != faulted).ToList();
        if (others.Count != 1)
        {
            var what = others.Count == 0 ? "no other node held the VIP" : $"{Names(others)} all held the VIP";
            yield return new FailoverMeasurement("a backup took the VIP over", null, bound, false, $"{what} when the phase ended ({Seconds(endState - from)} after the fault began)");
            yield break;
        }
        var holder = others[0];
        var since = timeline.HoldingSince(holder, endState)!.Value;
        if (since < from)
        {
            yield return new FailoverMeasurement($"{holder} took the VIP over", null, bound, false, $"{holder} already held the VIP before the fault (two holders)");
            yield break;
        }
        var took = since - from;
        yield return new FailoverMeasurement($"{holder} took the VIP over", took, bound, took <= bound.Value, $"from the start of the fault to the first sample of {holder} with the VIP");
        yield return new FailoverMeasurement($"the new holder is {expected.Name} (highest remaining priority)", null, null, holder == expected.Name,
            holder == expected.Name ? $"{holder}, priority {expected.Priority}" : $"{holder} took it over instead of {expected.Name}");
    }

    private static FailoverMeasurement Stayed(HolderTimeline timeline, string holder, DateTimeOffset from, DateTimeOffset to, string name)
    {
        var moved = timeline.Between(from, to)
            .Where(seg => !(seg.Holders.Count == 1 && seg.Holders[0] == holder) && !(seg.Holders.Count == 0 && seg.Unknown.Contains(holder)))
            .ToList();
        if (moved.Count == 0) return new FailoverMeasurement(name, null, null, true, $"{holder} held the VIP in every sample");
        var first = moved[0];
        return new FailoverMeasurement(name, null, null, false,
            $"at {Offset(first.Start, from)} (for {Seconds(first.Duration)}) the holders were: {Names(first.Holders)}");
    }

    /// <summary>
    /// What clients saw: the longest stretch without a successful probe, as far as the prober watched it. Where the
    /// prober started no probe for more than <see cref="ProberPause.AfterIntervals"/> intervals the control host
    /// paused it (<see cref="ProberPause"/>); such a pause says nothing about the VIP, so it is named and not counted,
    /// whether or not a probe failed next to it (a starved control host also lets the probe it did start run into its
    /// timeout). With <paramref name="faultStart"/> (the failover phase) a stretch is measured from the fault's start
    /// at the earliest: no outage the fault caused can begin before it, and probes that failed before it failed on the
    /// control host's side (seen in CI as a stretch beginning up to a probe timeout before the fault); they are named,
    /// not timed.
    /// </summary>
    private static FailoverMeasurement Gap(ProbeStatistics probes, TimingBound bound, DateTimeOffset origin, DateTimeOffset? faultStart = null)
    {
        const string name = "longest gap in successful probes";
        if (probes.Sent == 0 || probes.LongestGap is null)
            return new FailoverMeasurement(name, null, bound, false, "no probe of the VIP ran in this phase");
        var pause = probes.LongestPause == TimeSpan.Zero ? "" :
            $"; the prober itself paused for up to {Seconds(probes.LongestPause)} (no probe started: a busy control host), not counted as an outage";
        var gap = probes.Gaps.Select(g => faultStart is { } f ? g.From(f) : g).MaxBy(g => g.Observed)!;
        var where = gap.FailedProbes == 0 ? "no probe failed" : $"{gap.FailedProbes} failed in it, first: {gap.FirstFailure}";
        var paused = gap.Paused == TimeSpan.Zero ? "" : $", {Seconds(gap.Paused)} of it unwatched (the prober paused)";
        var early = faultStart is { } start && gap.FirstFailedAt < start
            ? $"; measured from the fault's start: its first failed probe began {Seconds(start - gap.FirstFailedAt.Value)} before the fault (a probe the fault cannot have failed)"
            : "";
        return new FailoverMeasurement(name, gap.Observed, bound, gap.Observed <= bound.Value,
            $"{probes.Failed} of {probes.Sent} probes failed; the longest gap ran from {Offset(gap.Start, origin)} to {Offset(gap.End, origin)} ({where}{paused}){early}{pause}");
    }

    private static FailoverMeasurement TwoHolders(IReadOnlyList<HolderWindow> windows, TimingBound allowance, DateTimeOffset origin)
    {
        const string name = "two holders at once";
        if (windows.Count == 0) return new FailoverMeasurement(name, TimeSpan.Zero, allowance, true, "never");
        var longest = windows.MaxBy(w => w.Duration)!;
        return new FailoverMeasurement(name, longest.Duration, allowance, longest.Duration <= allowance.Value,
            string.Join("; ", windows.Select(w => $"{Names(w.Nodes)} from {Offset(w.Start, origin)} for {Seconds(w.Duration)}")));
    }

    /// <summary>
    /// The state at the end of a phase is read just before its end: the runner keeps a sampler run in flight on
    /// every live node until the end of the observation, and the failover phase ends where the restore begins.
    /// </summary>
    private static DateTimeOffset ObservedEnd(DateTimeOffset to) => to - TimeSpan.FromTicks(1);

    private static IReadOnlyList<TimelineEvent> Events(FailoverObservation o, HolderTimeline timeline)
    {
        var events = new List<TimelineEvent>
        {
            new(o.Fault.StartedAt, o.Scenario.FaultedNode, $"fault: {o.Fault.Description}"),
            new(o.Fault.CompletedAt, o.Scenario.FaultedNode, o.Fault.Succeeded ? $"fault action returned ({Millis(o.Fault.Duration)})" : $"fault action FAILED: {o.Fault.Detail}"),
        };
        if (o.Restore is { } restore)
        {
            events.Add(new TimelineEvent(restore.StartedAt, o.Scenario.FaultedNode, $"restore: {restore.Description}"));
            events.Add(new TimelineEvent(restore.CompletedAt, o.Scenario.FaultedNode, restore.Succeeded ? $"restore action returned ({Millis(restore.Duration)})" : $"restore action FAILED: {restore.Detail}"));
        }
        if (o.RestoredKeepalivedStartedAt is { } started && o.Restore is { } r && started > r.StartedAt)
            events.Add(new TimelineEvent(started, o.Scenario.FaultedNode, "keepalived started"));

        var seen = new Dictionary<string, NodeTransition>(StringComparer.Ordinal);
        foreach (var t in timeline.Transitions)
        {
            var before = seen.GetValueOrDefault(t.Node);
            seen[t.Node] = t;
            var later = timeline.Transitions.Any(x => x.Node == t.Node && x.At > t.At);
            var text = t.HoldsVip switch
            {
                true => "holds the VIP",
                false when t.Inferred => "powered off: holds nothing",
                false when before?.HoldsVip == true => "no longer holds the VIP",
                // unknown after real samples, and the node came back later: it was cut off or unreachable
                null when later && before is { HoldsVip: not null, Inferred: false } => "no fresh samples (unreachable)",
                _ => null,
            };
            if (text is not null) events.Add(new TimelineEvent(t.At, t.Node, text));
        }
        foreach (var outage in ProbeStatistics.For(o.Probes, o.Start, o.End, o.Scenario.ProbeInterval).Outages)
        {
            if (outage.FirstFailedAt is { } failedAt) events.Add(new TimelineEvent(failedAt, null, $"probes fail: {outage.FirstFailure}"));
            events.Add(new TimelineEvent(outage.End, null, $"probes succeed again ({outage.FailedProbes} failed, no success for {Seconds(outage.Duration)})"));
        }
        return events.OrderBy(e => e.At).ToList();
    }

    private static string Names(IReadOnlyList<string> nodes) => nodes.Count == 0 ? "none" : string.Join(", ", nodes);

    private static string Seconds(TimeSpan span) => TimeText.Seconds(span);

    private static string Millis(TimeSpan span) => $"{span.TotalMilliseconds:0} ms";

    private static string Offset(DateTimeOffset at, DateTimeOffset origin) => TimeText.Offset(at, origin);
}
