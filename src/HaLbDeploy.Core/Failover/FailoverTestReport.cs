using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Failover;

/// <summary>Everything failover-test found: the verdict, the judged phases, the raw series for charts, and verify before and after.</summary>
public sealed record FailoverTestReport(
    string Node,
    FailoverMode Mode,
    FailoverOutcome Outcome,
    string Summary,
    VerificationReport? Before,
    VerificationReport? After,
    FailoverObservation? Observation,
    FailoverAnalysis? Analysis,
    IReadOnlyList<NodeClock> Clocks,
    IReadOnlyList<string> Errors)
{
    public bool Passed => Outcome == FailoverOutcome.Passed;

    /// <summary>The other addresses of the faulted sync group, each measured as the main one; empty for a single address.</summary>
    public IReadOnlyList<AddressAnalysis> OtherAddresses { get; init; } = [];
}
