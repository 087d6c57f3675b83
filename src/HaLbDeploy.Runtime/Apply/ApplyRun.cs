using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>
/// One plan or apply run as its phases share it: the inventory and options, every node as it goes through the
/// phases, the errors and warnings for the report, and the runner that takes a step over the nodes.
/// </summary>
internal sealed class ApplyRun
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    public ApplyRun(Inventory inventory, IReadOnlyList<NodeConfiguration> desired, IHostConnector connector, IRunProgress progress, TimeProvider time, ConvergeOptions options)
    {
        Inventory = inventory;
        Connector = connector;
        Progress = progress;
        Time = time;
        Options = options;
        Masker = SecretMasker.For(inventory);
        LockOwner = TierRunLock.OwnerForThisRun(time);
        Nodes = desired.Select(d => new NodeContext(d.Node, d)).ToList();
        Runner = new PhaseRunner<NodeContext>(progress, time, options.Parallelism, n => n.Name, (node, message) => Fail(node, message), text => Masker.Mask(text));
        Retired = inventory.Retired.Select(r => new RetiredContext(r)).ToList();
        RetiredRunner = new PhaseRunner<RetiredContext>(progress, time, options.Parallelism, n => n.Name, (node, message) => Fail(node, message), text => Masker.Mask(text));
    }

    public Inventory Inventory { get; }

    public IHostConnector Connector { get; }

    public IRunProgress Progress { get; }

    public TimeProvider Time { get; }

    public ConvergeOptions Options { get; }

    public SecretMasker Masker { get; }

    /// <summary>This run, as the tier's run lock names it to other runs.</summary>
    public RunLockOwner LockOwner { get; }

    /// <summary>In the inventory's order.</summary>
    public IReadOnlyList<NodeContext> Nodes { get; }

    public PhaseRunner<NodeContext> Runner { get; }

    /// <summary>The inventory's retired nodes, in its order.</summary>
    public IReadOnlyList<RetiredContext> Retired { get; }

    public PhaseRunner<RetiredContext> RetiredRunner { get; }

    /// <summary>What the plan says about nodes joining and retiring (see <see cref="MembershipForecast"/>).</summary>
    public IReadOnlyList<string> Membership { get; set; } = [];

    /// <summary>The rollout the plan chose; rolling until the plan phase decided.</summary>
    public RolloutDecision Rollout { get; set; } = RolloutDecision.Rolling;

    /// <summary>`--upgrade` only: the VIP holder's upgrade as the VIP's clients saw it, once it happened.</summary>
    public PlannedFailover? PlannedFailover { get; set; }

    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return [.. _errors]; }
    }

    public IReadOnlyList<string> Warnings
    {
        get { lock (_warnings) return [.. _warnings]; }
    }

    public void AddError(string error)
    {
        lock (_errors) _errors.Add(error);
    }

    public void AddWarning(string warning)
    {
        lock (_warnings) _warnings.Add(warning);
    }

    /// <summary>Marks the node failed with this message, reports it, and returns false for the step to return.</summary>
    public bool Fail(NodeContext node, string message)
    {
        node.Outcome = NodeOutcome.Failed;
        node.Error = message;
        return Reported(node.Name, node.Name, message);
    }

    /// <summary>Marks the retired node failed with this message, reports it, and returns false for the step to return.</summary>
    public bool Fail(RetiredContext node, string message)
    {
        node.Outcome = NodeOutcome.Failed;
        node.Error = message;
        return Reported(node.Name, $"{node.Name} (retired)", message);
    }

    private bool Reported(string node, string shownAs, string message)
    {
        AddError($"{shownAs}: {message}");
        Progress.Warn("error", node, message);
        return false;
    }

    public NodeContext Find(LbNode node) => Nodes.First(n => n.Node == node);

    /// <summary>As the node's facts last said.</summary>
    public bool HoldsVip(NodeContext node) => node.Facts.HoldsAddress(Inventory.Vip.Address);

    /// <summary>Holds the inventory's VIP or the one its current keepalived.conf serves (they differ when the VIP changes).</summary>
    public bool HoldsOldOrNewVip(NodeContext node) =>
        HoldsVip(node) || node.Plan?.CurrentIdentity?.VipAddress is { } old && node.Facts.HoldsAddress(old);
}
