namespace HaLbDeploy.Core.Rendering;

/// <summary>The file names of the templates, built in under playbooks/templates/ and overridable by name.</summary>
public static class TemplateNames
{
    public const string HaproxyConfig = "haproxy.cfg.liquid";

    public const string KeepalivedConfig = "keepalived.conf.liquid";

    public const string HaproxyCheckScript = "check_haproxy.sh.liquid";

    public const string VrrpNotifyScript = "halb-vrrp-notify.sh.liquid";

    /// <summary>Rendered only when the inventory has a `metrics:` section.</summary>
    public const string HaproxyVrrpMetricsLua = "halb-vrrp-metrics.lua.liquid";

    /// <summary>Rendered only for a fast-profile node whose keepalived reads track files (see <see cref="HaproxyTracking"/>).</summary>
    public const string HaproxyTrackDropIn = "haproxy-track.conf.liquid";

    public static IReadOnlyList<string> All { get; } = [HaproxyConfig, HaproxyVrrpMetricsLua, HaproxyCheckScript, VrrpNotifyScript, HaproxyTrackDropIn, KeepalivedConfig];
}
