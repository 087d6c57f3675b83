using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>Everything the run knows about one node while it goes through the phases.</summary>
internal sealed class NodeContext(LbNode node, NodeConfiguration desired)
{
    public LbNode Node { get; } = node;

    public NodeConfiguration Desired { get; } = desired;

    public IHostSession? Session { get; set; }

    public NodeFacts Facts { get; set; } = NodeFacts.Unknown;

    public TimeSpan? ClockOffset { get; set; }

    public NodePlan? Plan { get; set; }

    public bool Staged { get; set; }

    public NodeOutcome? Outcome { get; set; }

    public string? Error { get; set; }

    public string Name => Node.Name;
}
