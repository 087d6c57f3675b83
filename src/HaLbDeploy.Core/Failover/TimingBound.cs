namespace HaLbDeploy.Core.Failover;

/// <summary>An upper bound for a measured time, with the sum it comes from, e.g. "3 x advert_int 1 s + skew 0.648 s (lb2, priority 90) + margin 0.5 s".</summary>
public sealed record TimingBound(TimeSpan Value, string Explanation)
{
    public override string ToString() => $"{Value.TotalSeconds:0.000} s = {Explanation}";
}
