using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Preflight;

/// <summary>
/// Whether a node's haproxy can serve `metrics:`: haproxy 2.0 or later (its built-in Prometheus exporter), built with
/// the exporter and with Lua (the VRRP state is served by a small Lua service). Decided from facts: the installed
/// haproxy's version and `haproxy -vv`; for a node without haproxy yet, the version its distribution ships. A build
/// that lacks a feature but was not read (haproxy installed by this very run) is still caught before anything goes
/// live: the staged haproxy.cfg fails `haproxy -c` ("unknown service") and nothing is swapped in.
/// </summary>
public static class MetricsSupport
{
    public static readonly Version Minimum = new(2, 0);

    /// <summary>(os-release ID, VERSION_ID major) of distributions whose haproxy is older than <see cref="Minimum"/>.</summary>
    private static readonly Dictionary<(string Id, string Major), string> OldDistributionPackages = new()
    {
        [("rhel", "8")] = "1.8",
        [("centos", "8")] = "1.8",
        [("rocky", "8")] = "1.8",
        [("almalinux", "8")] = "1.8",
        [("ol", "8")] = "1.8",
        [("ubuntu", "18")] = "1.8",
        [("debian", "10")] = "1.8",
    };

    /// <summary>Why this node cannot serve the inventory's metrics; null when it can (or metrics are off).</summary>
    public static string? Unsupported(Inventory inventory, NodeFacts facts)
    {
        if (inventory.Metrics is null) return null;
        const string Remove = "remove `metrics:` from the inventory or upgrade haproxy on the node";
        if (facts.HaproxyVersion is { } installed)
        {
            if (UpstreamVersion.Parse(installed) is { } version && version < Minimum)
                return $"metrics need haproxy {Minimum} or later (its built-in Prometheus exporter), but haproxy {installed} is installed; {Remove}";
            if (facts.HaproxyBuild is { PrometheusExporter: false })
                return $"haproxy {installed} on the node was built without the Prometheus exporter (USE_PROMEX), which metrics need; {Remove} to a build that has it";
            if (facts.HaproxyBuild is { Lua: false })
                return $"haproxy {installed} on the node was built without Lua, which serves the VRRP state on the metrics listener; {Remove} to a build that has it";
            return null;
        }
        var major = facts.OsVersionId?.Split('.')[0];
        return facts.OsId is { } id && major is not null && OldDistributionPackages.TryGetValue((id, major), out var shipped)
            ? $"{facts.OsPrettyName ?? id + " " + facts.OsVersionId} ships haproxy {shipped}, but metrics need haproxy {Minimum} or later (its built-in Prometheus exporter); {Remove}"
            : null;
    }
}
