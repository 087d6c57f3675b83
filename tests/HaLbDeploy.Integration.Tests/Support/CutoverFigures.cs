using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>What <see cref="CutoverObserver"/> measured.</summary>
public sealed record CutoverFigures(int TwoHolderSamples, TimeSpan LongestGap, int HolderSamples, int Probes, IReadOnlyList<string> SamplerErrors)
{
    /// <summary>The successive single holders seen, e.g. [lb1] (no move) or [lb1, lb2] (one move).</summary>
    public IReadOnlyList<string> Holders { get; init; } = [];

    /// <summary>How the probes went: failures, the longest outage's first failure, the prober's longest pause.</summary>
    public string GapDetail { get; init; } = "";

    /// <summary>When two or more nodes held an address at once (or each one of a pair), as failover-test dates it (empty: never).</summary>
    public IReadOnlyList<HolderWindow> TwoHolderWindows { get; init; } = [];

    /// <summary>The longest of <see cref="TwoHolderWindows"/>; zero when there is none.</summary>
    public TimeSpan LongestTwoHolderWindow => TwoHolderWindows.Count == 0 ? TimeSpan.Zero : TwoHolderWindows.Max(w => w.Duration);

    /// <summary>When two or more nodes were each seen holding an address by their own samples: overlap the samples prove (empty: none).</summary>
    public IReadOnlyList<HolderWindow> ProvenTwoHolderWindows { get; init; } = [];

    /// <summary>The longest of <see cref="ProvenTwoHolderWindows"/>; zero when there is none.</summary>
    public TimeSpan LongestProvenTwoHolderWindow => ProvenTwoHolderWindows.Count == 0 ? TimeSpan.Zero : ProvenTwoHolderWindows.Max(w => w.Duration);

    /// <summary>The longest time between two consecutive samples of one node and address.</summary>
    public TimeSpan LongestSampleSpacing { get; init; }

    /// <summary>When each failed probe was sent, in time order.</summary>
    public IReadOnlyList<DateTimeOffset> FailedProbesAt { get; init; } = [];

    public override string ToString() =>
        $"two-holder samples {TwoHolderSamples} ({TwoHolderWindows.Count} windows, longest {LongestTwoHolderWindow.TotalMilliseconds:0} ms{string.Concat(TwoHolderWindows.Select(w => $"; {string.Join('+', w.Nodes)} at {w.Start:HH:mm:ss.fff} for {w.Duration.TotalMilliseconds:0} ms"))}; proven by the samples {ProvenTwoHolderWindows.Count} windows, longest {LongestProvenTwoHolderWindow.TotalMilliseconds:0} ms; samples at most {LongestSampleSpacing.TotalMilliseconds:0} ms apart), longest VIP gap {LongestGap.TotalMilliseconds:0} ms, holders {string.Join(" -> ", Holders)}, {HolderSamples} holder samples, {Probes} probes, sampler errors {SamplerErrors.Count}; {GapDetail}";
}
