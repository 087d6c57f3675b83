namespace HaLbDeploy.Core.Failover;

/// <summary>A stretch of time in which the set of VIP holders did not change.</summary>
/// <param name="Unknown">Nodes whose state is unknown in this stretch (no fresh sample: unreachable, link down, off).</param>
public sealed record HolderSegment(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Holders, IReadOnlyList<string> Unknown)
{
    public TimeSpan Duration => End - Start;
}
