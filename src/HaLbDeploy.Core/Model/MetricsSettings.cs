namespace HaLbDeploy.Core.Model;

/// <summary>
/// The inventory's opt-in `metrics:` section: an HTTP listener of each node's haproxy serving haproxy's built-in
/// Prometheus exporter on <see cref="HaproxyPath"/> and the node's VRRP state on <see cref="VrrpPath"/>.
/// </summary>
public sealed record MetricsSettings(int Port, MetricsBind Bind)
{
    public const string HaproxyPath = "/metrics";

    public const string VrrpPath = "/vrrp-metrics";
}
