namespace HaLbDeploy.Core.Planning;

/// <summary>What happened on one node.</summary>
/// <param name="Retired">A node of `retired_nodes`: its changes take it out of service.</param>
public sealed record NodeRunResult(string Node, NodeOutcome Outcome, IReadOnlyList<Change> Changes, string? Error = null, bool HoldsVip = false, bool Retired = false);
