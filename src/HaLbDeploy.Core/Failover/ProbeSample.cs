namespace HaLbDeploy.Core.Failover;

/// <summary>One probe of the VIP from the control host: started at <paramref name="At"/>, took <paramref name="Duration"/>.</summary>
/// <param name="Failure">Why it failed ("connect: timed out after 500 ms"); null when it succeeded.</param>
public sealed record ProbeSample(DateTimeOffset At, TimeSpan Duration, bool Succeeded, string? Failure);
