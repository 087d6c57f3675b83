namespace HaLbDeploy.Core.Failover;

/// <summary>One judged line of the result: a measured time (or a fact) beside its bound, and whether it passed.</summary>
/// <param name="Value">The measured time; null for a yes/no check or when it could not be measured.</param>
/// <param name="Bound">The bound it is judged against; null when the check has no time bound.</param>
/// <param name="Detail">How it was measured or why it failed, in words.</param>
public sealed record FailoverMeasurement(string Name, TimeSpan? Value, TimingBound? Bound, bool Passed, string Detail);
