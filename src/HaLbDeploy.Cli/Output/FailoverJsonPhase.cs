namespace HaLbDeploy.Cli.Output;

/// <summary>One phase (failover or failback) of failover-test's JSON; times in seconds from the fault.</summary>
public sealed record FailoverJsonPhase(string Name, double From, double To, double Reference, string ReferenceText, bool Passed, IReadOnlyList<FailoverJsonMeasurement> Measurements, int ProbesSent, int ProbesFailed, double? LongestProbeGap, IReadOnlyList<FailoverJsonSpan> TwoHolderWindows, IReadOnlyList<string> HoldersAtEnd);
