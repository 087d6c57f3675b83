namespace HaLbDeploy.Core.Rendering;

/// <summary>haproxy's check of each server; <see cref="Interval"/> in haproxy's notation, e.g. 1s; <see cref="Kind"/> is https, http or tcp.</summary>
internal sealed record HealthCheckView(string Path, string Interval, int Fall, int Rise, string Kind = "https");
