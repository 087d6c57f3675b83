namespace HaLbDeploy.Core.Failover;

/// <summary>Everything a failover test recorded, on one clock (the control host's): the input of <see cref="FailoverAnalyzer"/>.</summary>
/// <param name="Start">When sampling began (before the fault).</param>
/// <param name="End">When the test stopped observing; every live node had a sampler run in flight then.</param>
/// <param name="Restore">Null when the test never got to restore (it always tries; null only if the fault never ran).</param>
/// <param name="RestoredKeepalivedStartedAt">When keepalived on the faulted node (re)started after the restore began,
/// if it did: the failback is then measured from there (after a power-off the node first has to boot).</param>
public sealed record FailoverObservation(
    FailoverScenario Scenario,
    IReadOnlyList<HolderSample> Samples,
    IReadOnlyList<ProbeSample> Probes,
    DateTimeOffset Start,
    FaultActionRecord Fault,
    FaultActionRecord? Restore,
    DateTimeOffset End,
    DateTimeOffset? RestoredKeepalivedStartedAt);
