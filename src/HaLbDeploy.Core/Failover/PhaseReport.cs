namespace HaLbDeploy.Core.Failover;

/// <summary>The failover (fault to restore) or the failback (restore to end) part of a test, measured and judged.</summary>
/// <param name="Reference">What the phase's times are measured from: the fault's start, or the moment the restored node was ready.</param>
public sealed record PhaseReport(
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset Reference,
    string ReferenceText,
    IReadOnlyList<FailoverMeasurement> Measurements,
    ProbeStatistics Probes,
    IReadOnlyList<HolderWindow> TwoHolderWindows,
    IReadOnlyList<string> HoldersAtEnd)
{
    public bool Passed => Measurements.All(m => m.Passed);
}
