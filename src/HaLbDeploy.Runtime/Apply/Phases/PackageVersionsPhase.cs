using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// `--upgrade` only: reads the installed and candidate versions of keepalived and haproxy on every node (refreshing
/// the repositories' lists first) and reports which would move from which version to which.
/// </summary>
internal sealed class PackageVersionsPhase(ApplyRun run) : IPhase
{
    private const string Phase = "versions";

    public Task<bool> RunAsync(CancellationToken cancellationToken) =>
        run.Options.Upgrade ? run.Runner.ForEachAsync(run.Nodes, Phase, ReadAsync, cancellationToken) : Task.FromResult(true);

    private async Task<bool> ReadAsync(NodeContext node, CancellationToken ct)
    {
        var result = await node.Session!.ReadAsync(PackageVersionsScript.Description, PackageVersionsScript.For(node.Facts.PackageManager), ct);
        if (!result.Succeeded) return run.Fail(node, $"reading package versions failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        node.Upgrades = PackagePlanner.Upgrades(PackageVersionsScript.Parse(result.StandardOutput));
        foreach (var upgrade in node.Upgrades) run.Progress.Report(Phase, node.Name, $"upgrade {upgrade}");
        if (node.Upgrades.Count == 0) run.Progress.Report(Phase, node.Name, "keepalived and haproxy are at their newest versions");
        return true;
    }
}
