namespace HaLbDeploy.Core.Model;

/// <summary>Where the metrics listener binds.</summary>
public enum MetricsBind
{
    /// <summary>The node's own address only: each node is scraped on its own, whoever holds the VIP.</summary>
    Node,

    /// <summary>Every address of the node, the VIP among them (asked for explicitly with `bind: all`).</summary>
    All,
}
