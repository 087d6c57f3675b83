using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Facts;

/// <summary>Reads `getenforce` ("Enforcing") and `getsebool haproxy_connect_any` ("haproxy_connect_any --> on").</summary>
internal static partial class SelinuxParser
{
    public static SelinuxMode ParseMode(IEnumerable<string> values) =>
        values.FirstOrDefault()?.ToLowerInvariant() switch
        {
            "enforcing" => SelinuxMode.Enforcing,
            "permissive" => SelinuxMode.Permissive,
            "disabled" => SelinuxMode.Disabled,
            _ => SelinuxMode.Unknown,
        };

    /// <summary>On or off; null when SELinux is disabled or the boolean does not exist in the loaded policy.</summary>
    public static bool? ParseHaproxyConnectAny(IEnumerable<string> values)
    {
        foreach (var line in values)
        {
            var match = HaproxyConnectAny().Match(line);
            if (match.Success) return match.Groups[1].Value == "on";
        }
        return null;
    }

    [GeneratedRegex(@"^haproxy_connect_any\s+-->\s+(on|off)\b")]
    private static partial Regex HaproxyConnectAny();
}
