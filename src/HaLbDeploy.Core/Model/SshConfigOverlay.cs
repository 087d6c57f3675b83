using HaLbDeploy.Core.SshConfig;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Puts a node's ssh_config values under its inventory settings: a value is taken from ssh_config only where the
/// inventory's top-level `ssh:` does not write the key (the node's own `ssh:` is applied after, and wins too). A
/// value ssh_config gives that cannot be used is an error at its file and line; one halb-deploy does not use is a
/// warning there.
/// </summary>
internal sealed class SshConfigOverlay(ProblemCollector problems, Func<string, string> resolvePath, string homeDirectory)
{
    /// <summary>A line that applies to many nodes is reported once.</summary>
    private readonly HashSet<(SshConfigOrigin, string)> reported = [];

    private void Report(ProblemSeverity severity, string code, SshConfigOrigin origin, string field, string message, string fix)
    {
        if (reported.Add((origin, message))) problems.InFile(severity, code, origin.File, origin.Line, field, message, fix);
    }

    public SshSettings Apply(SshSettings settings, SshConfigHostSettings config, LbNode node, Func<string, bool> writtenInInventory, string field)
    {
        if (config.IsEmpty) return settings;
        var origins = new List<SshConfigOrigin>();
        string? Take(string keyword, string inventoryKey)
        {
            if (writtenInInventory(inventoryKey) || config[keyword] is not { } entry) return null;
            origins.Add(entry.Origin);
            return entry.Arguments[0];
        }

        var user = Take("user", "user");
        if (user is not null && !InventoryPatterns.UserName().IsMatch(user))
            user = Refuse(config["user"]!, field, $"User {ShownText.Quote(user)} is not a valid user name");
        if (user is not null) settings = settings with { User = user, Become = writtenInInventory("become") ? settings.Become : user != "root" };

        if (Take("port", "port") is { } portText)
        {
            if (int.TryParse(portText, out var port) && port is >= 1 and <= 65535) settings = settings with { Port = port };
            else Refuse(config["port"]!, field, $"Port {ShownText.Quote(portText)} is not a port number 1-65535");
        }
        if (Take("identityfile", "private_key") is { } key && Path(config["identityfile"]!, key, node, field) is { } keyPath)
            settings = settings with { PrivateKeyPath = keyPath };
        if (Take("certificatefile", "certificate") is { } certificate && Path(config["certificatefile"]!, certificate, node, field) is { } certificatePath)
            settings = settings with { CertificatePath = certificatePath };
        if (Take("userknownhostsfile", "known_hosts") is { } knownHosts && KnownHosts(config["userknownhostsfile"]!, knownHosts, node, field) is { } knownHostsPath)
            settings = settings with { KnownHostsPath = knownHostsPath };
        if (Take("identitiesonly", "identities_only") is { } only && YesNo(config["identitiesonly"]!, only, field) is { } identitiesOnly)
            settings = settings with { IdentitiesOnly = identitiesOnly };
        if (Take("stricthostkeychecking", "host_key_policy") is { } strict && Policy(config["stricthostkeychecking"]!, strict, field) is { } policy)
            settings = settings with { HostKeyPolicy = policy };
        if (Take("connecttimeout", "connect_timeout") is { } timeout)
        {
            if (int.TryParse(timeout, out var seconds) && seconds > 0) settings = settings with { ConnectTimeout = Duration.FromSeconds(seconds) };
            else Refuse(config["connecttimeout"]!, field, $"ConnectTimeout {ShownText.Quote(timeout)} is not a number of seconds above 0");
        }
        if (config["hostname"] is { } hostName && Expand(hostName, hostName.Arguments[0], node, field) is { } expandedHost)
        {
            origins.Add(hostName.Origin);
            settings = settings with { HostName = expandedHost == node.Address.ToString() ? null : expandedHost };
        }
        if (Take("proxyjump", "proxy_jump") is not null) settings = settings with { ProxyJump = Hops(config["proxyjump"]!, field) ?? settings.ProxyJump };
        return origins.Count == 0 ? settings : settings with { SshConfigOrigin = string.Join(", ", origins.Distinct()) };
    }

    /// <summary>ProxyJump as ssh writes it (`none`: no bastion); the hops are dialled with this node's other settings.</summary>
    private IReadOnlyList<SshHop>? Hops(SshConfigEntry entry, string field)
    {
        var written = string.Join(",", entry.Arguments);
        if (written.Equals("none", StringComparison.OrdinalIgnoreCase)) return [];
        var (hops, problem) = SshHopSyntax.ParseChain(written);
        if (hops is null) Refuse(entry, field, $"ProxyJump {problem}");
        return hops;
    }

    /// <summary>`/dev/null` and `none` (no host keys at all) are not followed: host keys are always checked here.</summary>
    private string? KnownHosts(SshConfigEntry entry, string written, LbNode node, string field)
    {
        if (written is not ("/dev/null" or "none")) return Path(entry, written, node, field);
        Report(ProblemSeverity.Warning, "ssh-config-no-known-hosts", entry.Origin, field,
            $"UserKnownHostsFile {written} would check no host key; not used, known_hosts stays {ShownText.Quote(node.Ssh.KnownHostsPath)}",
            "point UserKnownHostsFile at a real file, or set ssh.known_hosts in the inventory");
        return null;
    }

    private string? Path(SshConfigEntry entry, string written, LbNode node, string field)
    {
        if (Expand(entry, written, node, field) is not { } expanded) return null;
        if (expanded == "~") return homeDirectory;
        return resolvePath(expanded.StartsWith("~/", StringComparison.Ordinal) ? System.IO.Path.Combine(homeDirectory, expanded[2..]) : expanded);
    }

    /// <summary>ssh's tokens that make sense here: %h (the node's address), %d (home), %%; others are refused.</summary>
    private string? Expand(SshConfigEntry entry, string written, LbNode node, string field)
    {
        var text = written.Replace("%%", "\0", StringComparison.Ordinal).Replace("%h", node.Address.ToString(), StringComparison.Ordinal)
            .Replace("%d", homeDirectory, StringComparison.Ordinal);
        if (!text.Contains('%', StringComparison.Ordinal)) return text.Replace("\0", "%", StringComparison.Ordinal);
        Report(ProblemSeverity.Warning, "ssh-config-token", entry.Origin, field,
            $"{entry.Keyword} {ShownText.Quote(written)} uses a % token other than %h, %d and %%; not used for node {node.Name}",
            "write the value out, or set it in the inventory");
        return null;
    }

    private bool? YesNo(SshConfigEntry entry, string value, string field) => value.ToLowerInvariant() switch
    {
        "yes" => true,
        "no" => false,
        _ => Refuse<bool?>(entry, field, $"{entry.Keyword} {ShownText.Quote(value)} is neither yes nor no", null),
    };

    private HostKeyPolicy? Policy(SshConfigEntry entry, string value, string field)
    {
        switch (value.ToLowerInvariant())
        {
            case "yes" or "ask": return HostKeyPolicy.Strict;
            case "accept-new": return HostKeyPolicy.AcceptNew;
            case "no" or "off":
                Report(ProblemSeverity.Warning, "ssh-config-no-host-key-check", entry.Origin, field,
                    "StrictHostKeyChecking no is taken as accept-new: new host keys are recorded, a changed key is still refused", "use accept-new to say so");
                return HostKeyPolicy.AcceptNew;
            default:
                return Refuse<HostKeyPolicy?>(entry, field, $"StrictHostKeyChecking {ShownText.Quote(value)} is not yes, accept-new or no", null);
        }
    }

    private string? Refuse(SshConfigEntry entry, string field, string message) => Refuse<string?>(entry, field, message, null);

    private T Refuse<T>(SshConfigEntry entry, string field, string message, T fallback)
    {
        Report(ProblemSeverity.Error, "ssh-config-value", entry.Origin, field, message,
            "fix the line in the ssh_config file, or set the key in the inventory's ssh section (the inventory wins)");
        return fallback;
    }
}
