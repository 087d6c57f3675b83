namespace HaLbDeploy.Core.Failover;

/// <summary>A node's name and VRRP priority: who should take the VIP over, and how fast (its skew).</summary>
public sealed record NodePriority(string Name, int Priority);
