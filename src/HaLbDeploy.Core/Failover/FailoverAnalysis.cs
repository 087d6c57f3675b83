namespace HaLbDeploy.Core.Failover;

/// <summary>The judged result of one failover test; <see cref="Origin"/> (the fault's start) is t = 0 of every chart and table.</summary>
public sealed record FailoverAnalysis(
    FailoverScenario Scenario,
    DateTimeOffset Origin,
    PhaseReport Failover,
    PhaseReport? Failback,
    IReadOnlyList<TimelineEvent> Events,
    HolderTimeline Timeline)
{
    public bool Passed => Failover.Passed && Failback is { Passed: true };
}
