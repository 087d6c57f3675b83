using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Planning;

/// <summary>What apply must do on one node to reach the desired configuration; no changes means "no change".</summary>
public sealed record NodePlan(LbNode Node, NodeFacts Facts, NodeConfiguration Desired, IReadOnlyList<Change> Changes)
{
    public bool HasChanges => Changes.Count > 0;

    /// <summary>How this node's VRRP identity changes (lines safe to print); empty for a compatible change or a node that joins.</summary>
    public IReadOnlyList<string> IdentityChanges { get; init; } = [];

    /// <summary>The VRRP identity of the keepalived.conf the node runs now, when it was read (for the old VIP of a cutover).</summary>
    public VrrpIdentity? CurrentIdentity { get; init; }

    public IEnumerable<Change> Of(params ChangeKind[] kinds) => Changes.Where(c => kinds.Contains(c.Kind));

    /// <summary>Files to write: new ones, changed ones and ones whose owner or mode drifted.</summary>
    public IReadOnlyList<RenderedFile> FilesToWrite =>
        Of(ChangeKind.CreateFile, ChangeKind.UpdateFile, ChangeKind.FixFileAttributes).Select(c => Desired.File(c.Target)).ToList();

    public bool Touches(ChangeKind kind, string target) => Changes.Any(c => c.Kind == kind && c.Target == target);
}
