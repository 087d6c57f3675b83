using HaLbDeploy.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Reads `ssh.proxy_jump`: a string of hops as ssh writes them (`[user@]host[:port]`, several separated by commas),
/// `none` for no bastion, or a list whose entries are such strings or sections with their own user, port, key, agent
/// and host key settings. Problems are errors at the key; the result is then null (as if not written).
/// </summary>
internal sealed class SshHopParser(ProblemCollector problems, Func<YamlSection, string, string?> localPath)
{
    private static readonly string Fix = $"write each hop as [user@]host[:port], e.g. {SshHopSyntax.Example}";

    public IReadOnlyList<SshHop>? Parse(YamlSection section)
    {
        var field = section.FieldPath("proxy_jump");
        switch (section.Node("proxy_jump"))
        {
            case null:
                return null;
            case YamlScalarNode { Value: var text } when string.Equals(text?.Trim(), "none", StringComparison.OrdinalIgnoreCase):
                return [];
            case YamlScalarNode { Value: var text }:
                return Chain(field, text ?? "");
            case YamlSequenceNode list:
                return List(section, field, list);
            default:
                problems.Error("bad-proxy-jump", field, "must be a hop [user@]host[:port], a list of hops, or none", Fix);
                return null;
        }
    }

    private IReadOnlyList<SshHop>? Chain(string field, string text)
    {
        var (hops, problem) = SshHopSyntax.ParseChain(text);
        if (hops is null) problems.Error("bad-proxy-jump", field, problem!, Fix);
        return hops;
    }

    private IReadOnlyList<SshHop>? List(YamlSection section, string field, YamlSequenceNode list)
    {
        var hops = new List<SshHop>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            SshHop? hop = list.Children[i] switch
            {
                YamlScalarNode { Value: var text } => Chain(itemField, text ?? "") is [var only] ? only : null,
                YamlMappingNode mapping => Section(new YamlSection(mapping, itemField, problems)),
                _ => null,
            };
            if (hop is null && !problems.HasErrorAt(itemField))
                problems.Error("bad-proxy-jump", itemField, "must be one hop [user@]host[:port] or a section with `host:`", Fix);
            ok &= hop is not null;
            if (hop is not null) hops.Add(hop);
        }
        if (hops.Count == 0 && ok) problems.Error("bad-proxy-jump", field, "is an empty list", "list at least one hop, or write `proxy_jump: none` for a direct connection");
        return ok && hops.Count > 0 ? hops : null;
    }

    private SshHop? Section(YamlSection hop)
    {
        var host = hop.String("host", required: true, fix: "add `host: ADDRESS` (the bastion's address or DNS name)");
        var port = hop.Int("port") ?? 22;
        var user = hop.String("user");
        var key = localPath(hop, "private_key");
        var agent = hop.Bool("agent");
        var knownHosts = localPath(hop, "known_hosts");
        HostKeyPolicy? policy = hop.String("host_key_policy") switch
        {
            null => null,
            "strict" => HostKeyPolicy.Strict,
            "accept-new" => HostKeyPolicy.AcceptNew,
            var other => Bad(hop, "host_key_policy", $"{ShownText.Quote(other)} is not a host key policy", "write `host_key_policy: strict` or `host_key_policy: accept-new`"),
        };
        var fingerprint = hop.String("host_key_fingerprint");
        if (fingerprint is not null && !InventoryPatterns.Fingerprint().IsMatch(fingerprint))
            Bad(hop, "host_key_fingerprint", $"{ShownText.Quote(fingerprint)} is not a SHA256 host key fingerprint", "copy it from `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the bastion");
        if (host is not null && SshHopSyntax.CheckHost(host, host) is { } problem) Bad(hop, "host", problem, "write the bastion's IPv4 address or DNS name");
        if (port is < 1 or > 65535) Bad(hop, "port", $"{port} is outside 1-65535", "use the bastion's sshd port, normally 22");
        if (user is not null && !InventoryPatterns.UserName().IsMatch(user)) Bad(hop, "user", $"{ShownText.Quote(user)} is not a valid user name", "use lower-case letters, digits, _ . and -");
        hop.RejectUnknownKeys();
        if (host is null || problems.HasErrorAt(hop.Path) || HasErrorIn(hop)) return null;
        return new SshHop(host, port, user, key, agent, knownHosts, policy, fingerprint);
    }

    private bool HasErrorIn(YamlSection hop) =>
        new[] { "host", "port", "user", "private_key", "known_hosts", "host_key_policy", "host_key_fingerprint", "agent" }.Any(k => problems.HasErrorAt(hop.FieldPath(k)));

    private HostKeyPolicy? Bad(YamlSection hop, string key, string message, string fix)
    {
        problems.Error("bad-proxy-jump", hop.FieldPath(key), message, fix);
        return null;
    }
}
