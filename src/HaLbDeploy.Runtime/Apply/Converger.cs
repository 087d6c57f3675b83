using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Runtime.Apply.Phases;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>
/// plan and apply over all nodes, as phases: connect, (apply only) the tier's run lock, facts, preflight, plan; then (apply only) packages and host
/// settings in parallel, stage + validate on every node in parallel (nothing live changes if any node rejects its
/// files), the retired nodes taken out of service (a retired VIP holder handing the VIP over), and the rollout one node at a time, the VIP holder last, waiting after each node until its services
/// are active and exactly one node holds the VIP; with --upgrade, the package versions are read after the packages phase
/// and the upgrade follows the rollout (<see cref="UpgradePhase"/>). The first failure stops the run.
/// </summary>
public sealed class Converger(Inventory inventory, IReadOnlyList<NodeConfiguration> desired, IHostConnector connector, IRunProgress progress, TimeProvider time, ConvergeOptions options)
{
    public async Task<ConvergeReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var run = new ApplyRun(inventory, desired, connector, progress, time, options);
        try
        {
            await RunPhasesAsync(run, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            run.AddError("interrupted: the run stopped; nodes already done keep their new configuration, the rest their old one");
            await StagedFiles.DiscardAsync(run.Nodes);
        }
        finally
        {
            await TierRunLock.ReleaseAllAsync(run.Nodes.Where(n => n.RunLock is not null).Select(n => n.RunLock!));
            await Task.WhenAll(run.Nodes.Where(n => n.Session is not null).Select(n => n.Session!.DisposeAsync().AsTask()));
            await Task.WhenAll(run.Retired.Where(n => n.Session is not null).Select(n => n.Session!.DisposeAsync().AsTask()));
        }
        var results = run.Nodes.Select(n => new NodeRunResult(n.Name, n.Outcome ?? NodeOutcome.Untouched, n.Plan?.Changes ?? [], n.Error, run.HoldsVip(n)) { Upgrades = n.Upgrades, Holds = n.Holds, Releases = n.Releases })
            .Concat(run.Retired.Select(n => new NodeRunResult(n.Name, n.Outcome ?? NodeOutcome.Untouched, n.Plan?.Changes ?? [], n.Error, n.Plan?.HoldsVip == true, Retired: true)))
            .ToList();
        return new ConvergeReport(options.DryRun, results, run.Errors, run.Warnings, time.GetElapsedTime(started), run.Rollout) { Membership = run.Membership, PlannedFailover = run.PlannedFailover };
    }

    private static async Task RunPhasesAsync(ApplyRun run, CancellationToken ct)
    {
        foreach (var phase in Phases(run))
        {
            if (!await phase.RunAsync(ct)) return;
        }
        // A plan's result is the plan: every node has its changes pending, or none.
        if (run.Options.DryRun)
        {
            foreach (var node in run.Nodes) node.Outcome = node.Plan!.HasChanges || node.PackagesChange ? NodeOutcome.Pending : NodeOutcome.Unchanged;
            foreach (var node in run.Retired) node.Outcome = node.Plan!.HasChanges ? NodeOutcome.Pending : NodeOutcome.Unchanged;
        }
    }

    /// <summary>plan's phases, and apply's: the same, then the ones that change the nodes.</summary>
    private static IReadOnlyList<IPhase> Phases(ApplyRun run)
    {
        var facts = new FactsPhase(run);
        var plan = new PlanPhase(run);
        if (run.Options.DryRun) return [new ConnectPhase(run, facts.OnEachNode), facts, new PreflightPhase(run), plan, new PackageVersionsPhase(run)];
        return [new ConnectPhase(run, new RunLockStep(run, facts).OnEachNode), facts, new PreflightPhase(run), plan, new PackagesPhase(run, facts, plan), new PackageVersionsPhase(run), new HostSettingsPhase(run), new StagePhase(run),
            new RetirePhase(run, facts), new HostSettingsPhase(run, removals: true), new RolloutPhase(run), new UpgradePhase(run)];
    }
}
