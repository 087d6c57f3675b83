namespace HaLbDeploy.Cli.Output;

/// <summary>A node's clock offset as measured and as applied to its samples.</summary>
public sealed record FailoverJsonClock(string Node, double OffsetMs, double UncertaintyMs, double AppliedMs);
