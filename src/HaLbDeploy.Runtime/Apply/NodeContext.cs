using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>Everything the run knows about one node while it goes through the phases.</summary>
internal sealed class NodeContext(LbNode node, NodeConfiguration desired)
{
    public LbNode Node { get; } = node;

    /// <summary>As rendered from the inventory, and again from the node's facts when the plan needs them (fast profile).</summary>
    public NodeConfiguration Desired { get; set; } = desired;

    public IHostSession? Session { get; set; }

    /// <summary>The tier's run lock on this node, once apply took it; released before the session closes.</summary>
    public IAsyncDisposable? RunLock { get; set; }

    public NodeFacts Facts { get; set; } = NodeFacts.Unknown;

    public TimeSpan? ClockOffset { get; set; }

    public NodePlan? Plan { get; set; }

    public bool Staged { get; set; }

    /// <summary>`--upgrade` only: the packages that move on this node, once their versions were read.</summary>
    public IReadOnlyList<PackageUpgrade>? Upgrades { get; set; }

    /// <summary>With pins: the packages to hold at their (new) versions once they are there.</summary>
    public IReadOnlyList<PackageHold> Holds { get; set; } = [];

    /// <summary>Holds of ours whose pin is gone: released with the holds.</summary>
    public IReadOnlyList<PackageRelease> Releases { get; set; } = [];

    /// <summary>Package versions move or holds change on this node.</summary>
    public bool PackagesChange => Upgrades is { Count: > 0 } || Holds.Count > 0 || Releases.Count > 0;

    /// <summary>Packages were installed or firewall/SELinux settings applied: the node changed even when nothing is rolled out on it.</summary>
    public bool HostChanged { get; set; }

    public NodeOutcome? Outcome { get; set; }

    public string? Error { get; set; }

    public string Name => Node.Name;

    /// <summary>The plan's new and changed files: what staging writes next to the live ones and a discard removes.</summary>
    public IReadOnlyList<RenderedFile> FilesToStage =>
        Plan is null ? [] : Plan.Of(ChangeKind.CreateFile, ChangeKind.UpdateFile).Select(c => Desired.File(c.Target)).ToList();

    /// <summary>The plan's changes to files and units, which the activation carries out; packages and host settings came before.</summary>
    public IEnumerable<Change> ConfigurationChanges =>
        Plan!.Changes.Where(c => c.Kind is not (ChangeKind.InstallPackage or ChangeKind.AllowFirewall or ChangeKind.RemoveFirewallRule or ChangeKind.SetSelinuxBoolean));

    /// <summary>The node is rolled out: activated, then waited for until it is healthy.</summary>
    public bool NeedsActivation => ConfigurationChanges.Any();
}
