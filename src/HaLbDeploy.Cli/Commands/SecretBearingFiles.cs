using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// Which rendered files carry the VRRP secret: each node is rendered again with a stand-in secret of the same length
/// that differs in every character, and a file whose text changes depends on the secret. With the built-in templates
/// that is keepalived.conf; with overrides, any file a template writes the secret into. A file that merely contains
/// the secret's text (a secret "haproxy" and haproxy.cfg) is not marked: the mark must not tell where that text is.
/// </summary>
public static class SecretBearingFiles
{
    public static IReadOnlySet<(string Node, string Path)> Of(ConfigurationRenderer renderer, Inventory inventory, IReadOnlyList<NodeConfiguration> rendered)
    {
        var bearing = new HashSet<(string Node, string Path)>();
        if (inventory.Vrrp.AuthSecret is not { } secret) return bearing;
        var standIn = inventory with { Vrrp = inventory.Vrrp with { AuthSecret = new Secret(StandIn(secret.Reveal()), secret.Origin) } };
        foreach (var node in rendered)
        {
            var other = renderer.Render(standIn, node.Node);
            foreach (var file in node.Files.Where(f => other.File(f.Path).Content != f.Content))
                bearing.Add((node.Node.Name, file.Path));
        }
        return bearing;
    }

    private static string StandIn(string secret) => string.Concat(secret.Select(c => c == 'x' ? 'y' : 'x'));
}
