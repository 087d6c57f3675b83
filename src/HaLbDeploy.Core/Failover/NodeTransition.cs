namespace HaLbDeploy.Core.Failover;

/// <summary>The moment a node's VIP state changed: true = got it, false = gave it up, null = no fresh sample any more.</summary>
public sealed record NodeTransition(string Node, DateTimeOffset At, bool? HoldsVip, bool Inferred);
