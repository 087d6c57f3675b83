namespace HaLbDeploy.Core.Verification;

/// <summary>One API server of the inventory across all nodes' haproxy, in the backend of <paramref name="Frontend"/>.</summary>
public sealed record BackendVerification(string Name, string Address, IReadOnlyList<BackendOnNode> Nodes, string Frontend = Model.Frontend.ShorthandName)
{
    /// <summary>Some node's haproxy has it UP.</summary>
    public bool UpSomewhere => Nodes.Any(n => n.Status?.IsUp == true);

    /// <summary>The nodes whose haproxy has it drained (halb-deploy drain).</summary>
    public IReadOnlyList<string> DrainedOn => Nodes.Where(n => n.Status?.IsDrained == true).Select(n => n.Node).ToList();
}
