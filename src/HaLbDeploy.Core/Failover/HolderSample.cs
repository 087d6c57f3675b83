namespace HaLbDeploy.Core.Failover;

/// <summary>
/// Whether <paramref name="Node"/> carried the VIP at <paramref name="At"/> (control-host time, the node's clock
/// offset already taken out). <paramref name="Inferred"/> marks a sample the test knows without reading the node,
/// e.g. "holds nothing" the moment its power was cut.
/// </summary>
public sealed record HolderSample(string Node, DateTimeOffset At, bool HoldsVip, bool Inferred = false);
