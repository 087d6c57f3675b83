namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>What <see cref="CutoverObserver"/> measured.</summary>
public sealed record CutoverFigures(int TwoHolderSamples, TimeSpan LongestGap, int HolderSamples, int Probes, IReadOnlyList<string> SamplerErrors)
{
    /// <summary>The successive single holders seen, e.g. [lb1] (no move) or [lb1, lb2] (one move).</summary>
    public IReadOnlyList<string> Holders { get; init; } = [];

    /// <summary>How the probes went: failures, the longest outage's first failure, the prober's longest pause.</summary>
    public string GapDetail { get; init; } = "";

    /// <summary>When each failed probe was sent, in time order.</summary>
    public IReadOnlyList<DateTimeOffset> FailedProbesAt { get; init; } = [];

    public override string ToString() =>
        $"two-holder samples {TwoHolderSamples}, longest VIP gap {LongestGap.TotalMilliseconds:0} ms, holders {string.Join(" -> ", Holders)}, {HolderSamples} holder samples, {Probes} probes, sampler errors {SamplerErrors.Count}; {GapDetail}";
}
