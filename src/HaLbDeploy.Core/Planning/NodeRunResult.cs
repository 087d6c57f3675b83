namespace HaLbDeploy.Core.Planning;

/// <summary>What happened on one node.</summary>
public sealed record NodeRunResult(string Node, NodeOutcome Outcome, IReadOnlyList<Change> Changes, string? Error = null, bool HoldsVip = false);
