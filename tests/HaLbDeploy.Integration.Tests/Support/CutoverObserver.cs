using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Ssh;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>
/// Watches the lab tier while something runs: failover-test's sampler on every node (~20 Hz, for each VIP
/// address given: a node holding either counts as a holder) and its 50 ms HTTPS prober through each address.
/// </summary>
public sealed class CutoverObserver : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long each sampler run lasts on its node. Stopping waits for the runs in flight to end (their output comes
    /// back only then), so a short run keeps the wait after the change short: with 10 s runs each stop took ~5-10 s.
    /// </summary>
    private static readonly TimeSpan SamplerRun = TimeSpan.FromSeconds(3);
    private readonly TimeSpan _maxDuration;
    private readonly NodeSessions _sessions = new(LabSshNodes.Connector());
    private readonly List<NodeSamplerLoop> _samplers = [];
    private readonly List<IPAddress> _vips = [];
    private readonly Dictionary<NodeSamplerLoop, IPAddress> _vipOf = [];
    private readonly List<VipProbeLoop> _probes = [];

    /// <param name="probe">False: the samplers only, where the code under test probes the addresses itself (less load on the lab).</param>
    /// <param name="maxDuration">When the loops stop by themselves (2 minutes unless given).</param>
    public CutoverObserver(IReadOnlyList<IPAddress> vips, IReadOnlyList<LabHost> nodes, bool probe = true, TimeSpan? maxDuration = null)
    {
        LabFacts.RequireLabUp();
        _maxDuration = maxDuration ?? DefaultMaxDuration;
        foreach (var vip in vips)
        {
            _vips.Add(vip);
            foreach (var host in nodes)
            {
                var node = new LbNode(host.Name, IPAddress.Parse(host.Address), 100, LabFacts.Interface, VrrpInitialState.Backup, LabSshNodes.Root);
                var sampler = new NodeSamplerLoop(node, _sessions, vip, SamplerRun, SampleInterval, TimeProvider.System);
                _samplers.Add(sampler);
                _vipOf[sampler] = vip;
            }
            if (probe) _probes.Add(new VipProbeLoop(new TlsVipProbe(vip, 6443, "/readyz", TimeSpan.FromSeconds(1)), SampleInterval, TimeProvider.System));
        }
    }

    public void Start()
    {
        foreach (var sampler in _samplers) sampler.Start(_maxDuration);
        foreach (var probe in _probes) probe.Start(_maxDuration);
    }

    /// <summary>Stops everything and measures: samples seen with two holders, and the longest time without a served VIP.</summary>
    public async Task<CutoverFigures> StopAsync()
    {
        var probes = await Task.WhenAll(_probes.Select(p => p.StopAsync()));
        await Task.WhenAll(_samplers.Select(s => s.StopAsync(SamplerRun + TimeSpan.FromSeconds(2))));
        var series = _samplers.Select((s, i) => (Key: i, Node: s.NodeName, Samples: s.Outputs.SelectMany(o => o.Output.Samples).ToList())).ToList();
        var (gap, gapDetail) = LongestGap(probes);
        return new CutoverFigures(TwoHolderSamples(series), gap, series.Sum(s => s.Samples.Count), probes.Sum(p => p.Count),
            _samplers.SelectMany(s => s.Errors).ToList())
        {
            Holders = HolderSequence(series),
            TwoHolderWindows = TwoHolderWindows(),
            ProvenTwoHolderWindows = ProvenTwoHolderWindows(),
            LongestSampleSpacing = LongestSampleSpacing(),
            GapDetail = gapDetail,
            FailedProbesAt = probes.SelectMany(p => p).Where(p => !p.Succeeded).Select(p => p.At).Order().ToList(),
        };
    }

    /// <summary>In time order over all series: each node seen as the only holder, a repeat of the previous one left out (so a VIP move adds one name).</summary>
    private static IReadOnlyList<string> HolderSequence(IReadOnlyList<(int Key, string Node, List<RawHolderSample> Samples)> series)
    {
        var latest = new Dictionary<int, (string Node, bool Holds)>();
        var sequence = new List<string>();
        foreach (var (key, node, sample) in series.SelectMany(s => s.Samples.Select(x => (s.Key, s.Node, x))).OrderBy(e => e.x.EpochNanoseconds))
        {
            latest[key] = (node, sample.HoldsVip);
            var holders = latest.Values.Where(v => v.Holds).Select(v => v.Node).Distinct().ToList();
            if (holders.Count == 1 && (sequence.Count == 0 || sequence[^1] != holders[0])) sequence.Add(holders[0]);
        }
        return sequence;
    }

    /// <summary>After each sample, in time order over all series: how often more than one node held an address.</summary>
    private static int TwoHolderSamples(IReadOnlyList<(int Key, string Node, List<RawHolderSample> Samples)> series)
    {
        var latest = new Dictionary<int, (string Node, bool Holds)>();
        var count = 0;
        foreach (var (key, node, sample) in series.SelectMany(s => s.Samples.Select(x => (s.Key, s.Node, x))).OrderBy(e => e.x.EpochNanoseconds))
        {
            latest[key] = (node, sample.HoldsVip);
            if (latest.Values.Where(v => v.Holds).Select(v => v.Node).Distinct().Count() > 1) count++;
        }
        return count;
    }

    /// <summary>
    /// The windows in which two or more nodes were each seen holding an address by their own samples: a node's
    /// holding runs from the first to the last sample of an unbroken run of samples that show it, not on to the
    /// first sample that no longer does. So a window here is overlap the samples prove; <see cref="TwoHolderWindows"/>
    /// also counts the time until a sample shows the change, which grows with the spacing of the samples (under load
    /// here 60-110 ms instead of 50, and more when a sampler is held off the CPU).
    /// </summary>
    private IReadOnlyList<HolderWindow> ProvenTwoHolderWindows()
    {
        var spans = new List<(string Node, DateTimeOffset From, DateTimeOffset To)>();
        foreach (var sampler in _samplers)
        {
            DateTimeOffset? from = null, last = null;
            foreach (var sample in Samples(sampler))
            {
                if (sample.HoldsVip)
                {
                    from ??= sample.At;
                    last = sample.At;
                }
                else if (from is { } f)
                {
                    spans.Add((sampler.NodeName, f, last!.Value));
                    from = null;
                }
            }
            if (from is { } open) spans.Add((sampler.NodeName, open, last!.Value));
        }
        var times = spans.SelectMany(x => new[] { x.From, x.To }).Distinct().Order().ToList();
        return WindowsOfTwoOrMore(times, (from, to) => spans.Where(x => x.From <= from && x.To >= to).Select(x => x.Node));
    }

    /// <summary>
    /// The windows between consecutive <paramref name="times"/> in which <paramref name="holdersBetween"/> names two or
    /// more nodes, adjoining ones merged.
    /// </summary>
    private static List<HolderWindow> WindowsOfTwoOrMore(IReadOnlyList<DateTimeOffset> times, Func<DateTimeOffset, DateTimeOffset, IEnumerable<string>> holdersBetween)
    {
        var windows = new List<HolderWindow>();
        for (var i = 0; i + 1 < times.Count; i++)
        {
            var holders = holdersBetween(times[i], times[i + 1]).Distinct().Order(StringComparer.Ordinal).ToList();
            if (holders.Count < 2) continue;
            if (windows.Count > 0 && windows[^1].End == times[i])
                windows[^1] = windows[^1] with { End = times[i + 1], Nodes = windows[^1].Nodes.Union(holders).ToList() };
            else
                windows.Add(new HolderWindow(times[i], times[i + 1], holders));
        }
        return windows;
    }

    /// <summary>The longest time between two consecutive samples of one node and address: how closely the tier was watched.</summary>
    private TimeSpan LongestSampleSpacing() =>
        _samplers.Select(s => Samples(s).Select(x => x.At).ToList())
            .SelectMany(times => times.Zip(times.Skip(1), (a, b) => b - a))
            .DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>One sampler's samples from all its runs, in time order (runs overlap, so a moment may be sampled twice).</summary>
    private static IEnumerable<(DateTimeOffset At, bool HoldsVip)> Samples(NodeSamplerLoop sampler) =>
        sampler.Outputs.SelectMany(o => o.Output.Samples)
            .Select(x => (At: DateTimeOffset.UnixEpoch.AddTicks(x.EpochNanoseconds / 100), x.HoldsVip))
            .OrderBy(x => x.At);

    /// <summary>
    /// For a failure message: every sampler's samples from 300 ms before <paramref name="from"/> to 300 ms after
    /// <paramref name="to"/>, one line per node and address, each sample as its offset from <paramref name="from"/> in ms
    /// and 1 (holds) or 0. Shows whether a window is positive samples of two holders or a gap in one node's samples.
    /// </summary>
    public string SamplesAround(DateTimeOffset from, DateTimeOffset to)
    {
        var lines = new List<string>();
        foreach (var sampler in _samplers)
        {
            var samples = Samples(sampler)
                .Where(x => x.At >= from - TimeSpan.FromMilliseconds(300) && x.At <= to + TimeSpan.FromMilliseconds(300))
                .Select(x => $"{(x.At - from).TotalMilliseconds:0}:{(x.HoldsVip ? 1 : 0)}");
            lines.Add($"{sampler.NodeName} {_vipOf[sampler]}: {string.Join(" ", samples)}");
        }
        return string.Join("\n", lines);
    }

    /// <summary>
    /// The windows in which two or more nodes held an address (the same one, or each one of a pair: a split), as
    /// failover-test dates them (<see cref="HolderTimeline"/> per address: a node's state is its latest sample, a change
    /// dated by the first sample that shows it). The lab's nodes share the control host's kernel clock, so the samples
    /// need no clock correction.
    /// </summary>
    private IReadOnlyList<HolderWindow> TwoHolderWindows()
    {
        var timelines = _vips.Select(vip =>
        {
            var samplers = _samplers.Where(s => _vipOf[s].Equals(vip)).ToList();
            var samples = samplers.SelectMany(s => Samples(s).Select(x => new HolderSample(s.NodeName, x.At, x.HoldsVip)));
            return new HolderTimeline(samplers.Select(s => s.NodeName), samples, FailoverAnalyzer.StaleAfterSamples * SampleInterval);
        }).ToList();
        var times = timelines.SelectMany(t => t.Transitions.Select(x => x.At)).Distinct().Order().ToList();
        return WindowsOfTwoOrMore(times, (from, _) => timelines.SelectMany(t => t.HoldersAt(from)));
    }

    /// <summary>
    /// The longest stretch with failed probes between two successful probes of any address (the VIP served through
    /// either one): with one address, the longest outage; with the old and the new VIP, the switch from one to the
    /// other. Measured as failover-test measures its gap (<see cref="ProbeStatistics"/>): probes dated by their start,
    /// so a slow answer of the API server behind a served VIP is not an outage, and where the prober started no probe
    /// for more than three intervals (the control host paused it) the time is not counted. With several addresses the
    /// stretch after the last success is left out: the old address's probes keep failing once the new one serves,
    /// which is the switch done.
    /// </summary>
    private static (TimeSpan Gap, string Detail) LongestGap(IReadOnlyList<ProbeSample>[] probes)
    {
        if (probes.Length == 0) return (TimeSpan.Zero, "no probes: samplers only");
        var all = probes.SelectMany(p => p).ToList();
        Assert.Contains(all, p => p.Succeeded);
        var statistics = ProbeStatistics.For(all, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, SampleInterval);
        var lastSuccess = all.Where(p => p.Succeeded).Max(p => p.At);
        var outages = statistics.Outages.Where(o => probes.Length == 1 || o.End <= lastSuccess).ToList();
        var pause = $"longest pause of the prober {statistics.LongestPause.TotalMilliseconds:0} ms";
        if (outages.Count == 0) return (TimeSpan.Zero, $"{statistics.Failed} of {statistics.Sent} probes failed, none between two successes; {pause}");
        var outage = outages.MaxBy(o => o.Observed)!;
        return (outage.Observed, $"{statistics.Failed} of {statistics.Sent} probes failed; longest outage {outage.FailedProbes} failed, " +
            $"first at {outage.FirstFailedAt:HH:mm:ss.fff}: {outage.FirstFailure}, {outage.Duration.TotalMilliseconds:0} ms of which " +
            $"{outage.Paused.TotalMilliseconds:0} ms unwatched (the prober paused); {pause}");
    }

    public async ValueTask DisposeAsync() => await _sessions.DisposeAsync();
}
