namespace HaLbDeploy.Core.Model;

/// <summary>haproxy's active check of each server: a GET of <see cref="Path"/> over TLS (the default) or plain HTTP, or a TCP connect (<see cref="Path"/> unused).</summary>
public sealed record HealthCheck(string Path, Duration Interval, int Fall, int Rise, HealthCheckKind Kind = HealthCheckKind.Https);
