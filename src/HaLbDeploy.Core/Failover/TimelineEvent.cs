namespace HaLbDeploy.Core.Failover;

/// <summary>A line of the timeline: what happened when, and to which node (null: the test or the probes).</summary>
public sealed record TimelineEvent(DateTimeOffset At, string? Node, string Text);
