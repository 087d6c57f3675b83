namespace HaLbDeploy.Core.Facts;

/// <summary>The features of the installed haproxy that `metrics:` needs, read from `haproxy -vv`.</summary>
/// <param name="PrometheusExporter">"Available services : prometheus-exporter" (or, in 2.0-2.3, "Built with the Prometheus exporter as a service").</param>
/// <param name="Lua">"Built with Lua version : ...".</param>
public sealed record HaproxyBuild(bool PrometheusExporter, bool Lua)
{
    /// <summary>Null when haproxy is not installed (or printed nothing).</summary>
    public static HaproxyBuild? Parse(IEnumerable<string> lines)
    {
        var text = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (text.Count == 0 || text is ["not-installed"]) return null;
        var services = text.FirstOrDefault(l => l.StartsWith("Available services", StringComparison.Ordinal)) ?? "";
        var promex = services.Contains("prometheus-exporter", StringComparison.Ordinal) ||
                     text.Any(l => l.StartsWith("Built with the Prometheus exporter", StringComparison.Ordinal));
        var lua = text.Any(l => l.StartsWith("Built with Lua", StringComparison.Ordinal));
        return new HaproxyBuild(promex, lua);
    }
}
