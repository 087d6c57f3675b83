namespace HaLbDeploy.Core.Rendering;

/// <summary>haproxy's check of each API server; <see cref="Interval"/> in haproxy's notation, e.g. 1s.</summary>
internal sealed record HealthCheckView(string Path, string Interval, int Fall, int Rise);
