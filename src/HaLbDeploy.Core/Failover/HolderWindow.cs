namespace HaLbDeploy.Core.Failover;

/// <summary>A time window and the nodes it is about, e.g. two holders of the VIP at once.</summary>
public sealed record HolderWindow(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Nodes)
{
    public TimeSpan Duration => End - Start;
}
