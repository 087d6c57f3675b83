using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>Everything the run knows about one retired node while it goes through the phases.</summary>
internal sealed class RetiredContext(RetiredNode node)
{
    public RetiredNode Node { get; } = node;

    /// <summary>The node as the connector takes it.</summary>
    public LbNode Target { get; } = node.AsSshTarget();

    public IHostSession? Session { get; set; }

    public NodeFacts Facts { get; set; } = NodeFacts.Unknown;

    public RetirementPlan? Plan { get; set; }

    public NodeOutcome? Outcome { get; set; }

    public string? Error { get; set; }

    public string Name => Node.Name;
}
