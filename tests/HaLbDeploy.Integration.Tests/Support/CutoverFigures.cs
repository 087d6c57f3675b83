namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>What <see cref="CutoverObserver"/> measured.</summary>
public sealed record CutoverFigures(int TwoHolderSamples, TimeSpan LongestGap, int HolderSamples, int Probes, IReadOnlyList<string> SamplerErrors)
{
    public override string ToString() =>
        $"two-holder samples {TwoHolderSamples}, longest VIP gap {LongestGap.TotalMilliseconds:0} ms, {HolderSamples} holder samples, {Probes} probes, sampler errors {SamplerErrors.Count}";
}
