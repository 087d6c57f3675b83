namespace HaLbDeploy.Core.Planning;

/// <summary>
/// Reads the <see cref="VrrpIdentity"/> out of a keepalived.conf text (the one halb-deploy renders, or one written by
/// hand before it took over): one keyword per line, the first vrrp_instance only, as the tier has one instance.
/// </summary>
public static class VrrpIdentityReader
{
    private const int SecretLength = 8;

    public static VrrpIdentity Read(string keepalivedConf)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var unicast = false;
        string? vip = null;
        var inVirtualAddresses = false;
        foreach (var raw in keepalivedConf.Split('\n'))
        {
            var line = raw.Split('#', '!')[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (inVirtualAddresses)
            {
                if (parts[0] == "}") inVirtualAddresses = false;
                else vip ??= parts[0];
                continue;
            }
            if (parts[0] == "virtual_ipaddress") inVirtualAddresses = true;
            else if (parts[0] == "unicast_peer") unicast = true;
            else if (parts.Length > 1) words.TryAdd(parts[0], parts[1].Trim('"'));
        }
        var type = words.GetValueOrDefault("auth_type");
        var secret = words.GetValueOrDefault("auth_pass");
        return new VrrpIdentity(
            words.GetValueOrDefault("virtual_router_id"),
            type,
            secret is null ? null : secret[..Math.Min(SecretLength, secret.Length)],
            unicast,
            words.GetValueOrDefault("vrrp_mcast_group4") ?? VrrpIdentity.DefaultMulticastGroup,
            words.GetValueOrDefault("advert_int"),
            words.GetValueOrDefault("vrrp_version") ?? VrrpIdentity.DefaultVrrpVersion,
            vip,
            words.GetValueOrDefault("interface"));
    }
}
