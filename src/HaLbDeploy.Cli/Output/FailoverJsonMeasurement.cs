namespace HaLbDeploy.Cli.Output;

/// <summary>A judged measurement; value and bound in seconds.</summary>
public sealed record FailoverJsonMeasurement(string Name, double? Value, double? Bound, string? BoundExplanation, bool Passed, string Detail);
