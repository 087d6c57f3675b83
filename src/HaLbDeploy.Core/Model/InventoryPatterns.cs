using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// The shapes of the inventory's names and values. Every pattern ends in \z, not $: in .NET `$` also matches before
/// a final line break, so `"eth0\n"` would pass and then break the rendered haproxy.cfg or keepalived.conf.
/// </summary>
internal static partial class InventoryPatterns
{
    /// <summary>advert_int in seconds, with at most two decimals (keepalived's VRRPv3 centiseconds).</summary>
    [GeneratedRegex(@"^(?<s>[0-9]{1,4})(?:\.(?<f>[0-9]{1,2}))?\z")]
    public static partial Regex AdvertInt();

    /// <summary>`packages.pin.NAME`: a version ([epoch:]upstream[-revision], Debian's and RPM's characters), or its start and `*`.</summary>
    [GeneratedRegex(@"^(?:[0-9]{1,9}:)?[0-9][A-Za-z0-9.+~_-]{0,126}\*?\z")]
    public static partial Regex PackagePin();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}\z")]
    public static partial Regex SafeName();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,15}\z")]
    public static partial Regex InterfaceName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    public static partial Regex EnvironmentVariableName();

    [GeneratedRegex(@"^[a-z_][a-z0-9_.-]{0,31}\z")]
    public static partial Regex UserName();

    [GeneratedRegex(@"^SHA256:[A-Za-z0-9+/]{43}\z")]
    public static partial Regex Fingerprint();

    [GeneratedRegex(@"^(?=.{1,253}\z)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z")]
    public static partial Regex HostName();

    /// <summary>
    /// A name whose last label is a number (decimal or 0x hex): the C library's resolver reads `1.2.3`, `10` or
    /// `0x7f000001` as an IPv4 address (inet_aton), so such a "host name" is a different address in disguise.
    /// </summary>
    [GeneratedRegex(@"(^|\.)([0-9]+|0[xX][0-9A-Fa-f]*)\z")]
    public static partial Regex NumericLastLabel();

    [GeneratedRegex(@"^/[A-Za-z0-9/_.?=&-]{0,200}\z")]
    public static partial Regex HttpPath();

    [GeneratedRegex(@"^[0-9A-Fa-f]{64}\z")]
    public static partial Regex Sha256Hex();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+~%:-]{0,250}\z")]
    public static partial Regex PackageFileName();

    /// <summary>A VIP prefix length: 1-32, no sign, no leading zero.</summary>
    [GeneratedRegex(@"^([1-9]|[12][0-9]|3[0-2])\z")]
    public static partial Regex PrefixLength();
}
