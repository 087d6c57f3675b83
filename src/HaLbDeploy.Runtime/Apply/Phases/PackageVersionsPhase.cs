using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// With `--upgrade` or `packages.pin`, or where a node's facts show a record of holds of ours (a pin that may have
/// gone, <see cref="NodePaths.PackageHoldsRecord"/>): reads the installed, candidate and offered versions of keepalived and haproxy
/// on every node (refreshing the repositories' lists first), plans them (<see cref="PackagePlanner"/>) and reports
/// which would move from which version to which, which would be held and which holds released. A pin no offered version meets fails the node.
/// </summary>
internal sealed class PackageVersionsPhase(ApplyRun run) : IPhase
{
    private const string Phase = "versions";

    public Task<bool> RunAsync(CancellationToken cancellationToken) =>
        run.Options.Upgrade || run.Inventory.Packages.Pins.Count > 0 || run.Nodes.Any(RecordsHolds)
            ? run.Runner.ForEachAsync(run.Nodes, Phase, ReadAsync, cancellationToken)
            : Task.FromResult(true);

    private static bool RecordsHolds(NodeContext node) => node.Facts.File(NodePaths.PackageHoldsRecord)?.Exists == true;

    private async Task<bool> ReadAsync(NodeContext node, CancellationToken ct)
    {
        var result = await node.Session!.ReadAsync(PackageVersionsScript.Description, PackageVersionsScript.For(node.Facts.PackageManager), ct);
        if (!result.Succeeded) return run.Fail(node, $"reading package versions failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        var plan = PackagePlanner.Plan(PackageVersionsScript.Parse(result.StandardOutput), run.Inventory.Packages.Pins, run.Options.Upgrade);
        if (plan.Problems.Count > 0) return run.Fail(node, string.Join("; ", plan.Problems));
        node.Upgrades = plan.Moves;
        node.Holds = plan.Holds;
        node.Releases = plan.Releases;
        foreach (var upgrade in plan.Moves) run.Progress.Report(Phase, node.Name, $"upgrade {upgrade}");
        foreach (var hold in plan.Holds) run.Progress.Report(Phase, node.Name, hold.ToString());
        foreach (var release in plan.Releases) run.Progress.Report(Phase, node.Name, release.ToString());
        if (!plan.HasChanges) run.Progress.Report(Phase, node.Name, "keepalived and haproxy versions: nothing to do");
        return true;
    }
}
