using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// The wire format between <see cref="FactScript"/> and <see cref="FactParser"/>. Every section starts with a line
/// "@@halb section NAME [ARGUMENT]" and holds the raw output of one command. Inside a body, "@@halb missing TOOL"
/// says the command was not there, "@@halb via TOOL" which tool answered. "@@halb end" closes the output.
/// </summary>
internal static class FactSections
{
    public const string SectionPrefix = ScriptMarkers.Prefix + "section ";
    public const string MissingPrefix = ScriptMarkers.Prefix + "missing ";
    public const string ViaPrefix = ScriptMarkers.Prefix + "via ";
    public const string FormatPrefix = ScriptMarkers.Prefix + "facts ";
    public const string End = ScriptMarkers.End;
    public const int FormatVersion = 1;

    public const string ClockStart = "clock-start";
    public const string ClockEnd = "clock-end";
    public const string Hostname = "hostname";
    public const string OsRelease = "os-release";
    public const string Tools = "tools";
    public const string Systemd = "systemd";
    public const string Packages = "packages";
    public const string Units = "units";
    public const string Links = "links";
    public const string Addresses = "addresses";
    public const string Listeners = "listeners";
    public const string File = "file";
    public const string FirewallState = "firewall-state";
    public const string FirewallDefaultZone = "firewall-default-zone";
    public const string FirewallRuntime = "firewall-runtime";
    public const string FirewallPermanent = "firewall-permanent";
    public const string Selinux = "selinux";
    public const string SelinuxBooleans = "selinux-booleans";
    public const string HaproxyBuild = "haproxy-build";
    public const string Namespaces = "namespaces";
}
