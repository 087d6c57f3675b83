namespace HaLbDeploy.Core.Failover;

/// <summary>
/// Which nodes held the VIP when, from the samplers' series. A node's state at time t is its latest sample at or
/// before t, for at most <see cref="StaleAfter"/>; after that (no fresh sample: the node is unreachable, its link
/// is down or it is off) its state is unknown, which never counts as holding. Transitions are dated by the first
/// sample that shows the new state: the real change happened at most one sample interval earlier.
/// </summary>
public sealed class HolderTimeline
{
    public HolderTimeline(IEnumerable<string> nodes, IEnumerable<HolderSample> samples, TimeSpan staleAfter)
    {
        StaleAfter = staleAfter;
        Nodes = nodes.ToList();
        var byNode = samples.GroupBy(s => s.Node).ToDictionary(g => g.Key, g => g.OrderBy(s => s.At).ToList(), StringComparer.Ordinal);
        Transitions = Nodes.SelectMany(n => TransitionsOf(n, byNode.GetValueOrDefault(n) ?? [])).OrderBy(t => t.At).ToList();
        LastSample = byNode.ToDictionary(p => p.Key, p => p.Value[^1].At, StringComparer.Ordinal);
        Segments = BuildSegments();
    }

    public TimeSpan StaleAfter { get; }

    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Every change of any node's state, in time order.</summary>
    public IReadOnlyList<NodeTransition> Transitions { get; }

    /// <summary>Consecutive stretches with one set of holders, from the first to the last transition.</summary>
    public IReadOnlyList<HolderSegment> Segments { get; }

    private IReadOnlyDictionary<string, DateTimeOffset> LastSample { get; }

    /// <summary>The time of the node's latest sample; null when it has none.</summary>
    public DateTimeOffset? LastSampleOf(string node) => LastSample.TryGetValue(node, out var at) ? at : null;

    /// <summary>true / false, or null when the node's state is unknown at that time.</summary>
    public bool? StateAt(string node, DateTimeOffset at) =>
        Transitions.LastOrDefault(t => t.Node == node && t.At <= at)?.HoldsVip;

    /// <summary>The nodes that held the VIP at that time.</summary>
    public IReadOnlyList<string> HoldersAt(DateTimeOffset at) => Nodes.Where(n => StateAt(n, at) == true).ToList();

    /// <summary>The segments that overlap [from, to), cut to that window.</summary>
    public IReadOnlyList<HolderSegment> Between(DateTimeOffset from, DateTimeOffset to) =>
        Segments.Where(s => s.End > from && s.Start < to)
            .Select(s => s with { Start = s.Start < from ? from : s.Start, End = s.End > to ? to : s.End })
            .Where(s => s.End > s.Start)
            .ToList();

    /// <summary>Windows in [from, to) in which two or more nodes held the VIP at once (adjacent ones merged).</summary>
    public IReadOnlyList<HolderWindow> MultipleHolders(DateTimeOffset from, DateTimeOffset to)
    {
        var windows = new List<HolderWindow>();
        foreach (var segment in Between(from, to).Where(s => s.Holders.Count >= 2))
        {
            if (windows.Count > 0 && windows[^1].End == segment.Start)
                windows[^1] = windows[^1] with { End = segment.End, Nodes = windows[^1].Nodes.Union(segment.Holders).ToList() };
            else
                windows.Add(new HolderWindow(segment.Start, segment.End, segment.Holders));
        }
        return windows;
    }

    /// <summary>
    /// When <paramref name="node"/> last started holding the VIP before <paramref name="before"/>, provided it still
    /// held it then; null when it did not hold it at that time.
    /// </summary>
    public DateTimeOffset? HoldingSince(string node, DateTimeOffset before)
    {
        if (StateAt(node, before) != true) return null;
        return Transitions.Last(t => t.Node == node && t.At <= before && t.HoldsVip == true).At;
    }

    /// <summary>The first time at or after <paramref name="from"/> that the node was seen without the VIP.</summary>
    public NodeTransition? FirstRelease(string node, DateTimeOffset from, DateTimeOffset to)
    {
        if (StateAt(node, from) == false) return new NodeTransition(node, from, false, false);
        return Transitions.FirstOrDefault(t => t.Node == node && t.At >= from && t.At < to && t.HoldsVip == false);
    }

    private IEnumerable<NodeTransition> TransitionsOf(string node, List<HolderSample> samples)
    {
        bool? current = null;
        HolderSample? previous = null;
        foreach (var sample in samples)
        {
            if (previous is not null && current is not null && sample.At - previous.At > StaleAfter)
            {
                yield return new NodeTransition(node, previous.At + StaleAfter, null, false);
                current = null;
            }
            if (sample.HoldsVip != current)
            {
                yield return new NodeTransition(node, sample.At, sample.HoldsVip, sample.Inferred);
                current = sample.HoldsVip;
            }
            previous = sample;
        }
        if (previous is not null) yield return new NodeTransition(node, previous.At + StaleAfter, null, false);
    }

    private List<HolderSegment> BuildSegments()
    {
        var segments = new List<HolderSegment>();
        var times = Transitions.Select(t => t.At).Distinct().Order().ToList();
        var state = Nodes.ToDictionary(n => n, _ => (bool?)null, StringComparer.Ordinal);
        var index = 0;
        for (var i = 0; i < times.Count; i++)
        {
            while (index < Transitions.Count && Transitions[index].At == times[i])
            {
                state[Transitions[index].Node] = Transitions[index].HoldsVip;
                index++;
            }
            if (i == times.Count - 1) break;
            var holders = Nodes.Where(n => state[n] == true).ToList();
            var unknown = Nodes.Where(n => state[n] is null).ToList();
            if (segments.Count > 0 && segments[^1].End == times[i] && segments[^1].Holders.SequenceEqual(holders) && segments[^1].Unknown.SequenceEqual(unknown))
                segments[^1] = segments[^1] with { End = times[i + 1] };
            else
                segments.Add(new HolderSegment(times[i], times[i + 1], holders, unknown));
        }
        return segments;
    }
}
