using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Cli.Commands;

/// <summary>What render writes: every node's files, and which of them carry the VRRP secret.</summary>
public sealed record RenderedForReview(IReadOnlyList<NodeConfiguration> Nodes, IReadOnlySet<(string Node, string Path)> SecretBearing)
{
    public bool CarriesSecret(NodeConfiguration node, RenderedFile file) => SecretBearing.Contains((node.Node.Name, file.Path));
}
