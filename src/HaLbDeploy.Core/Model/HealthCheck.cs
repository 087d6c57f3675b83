namespace HaLbDeploy.Core.Model;

/// <summary>haproxy's active check of each API server: a TLS GET of <see cref="Path"/>.</summary>
public sealed record HealthCheck(string Path, Duration Interval, int Fall, int Rise);
