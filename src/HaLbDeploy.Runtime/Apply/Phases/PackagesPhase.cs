using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Installs keepalived and haproxy where the plan misses them, from the node's repositories or from the
/// inventory's package files, then reads those nodes' facts and plans them again: installing can start units
/// and drop default files.
/// </summary>
internal sealed class PackagesPhase(ApplyRun run, FactsPhase facts, PlanPhase plan) : IPhase
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var needPackages = run.Nodes.Where(n => n.Plan!.Of(ChangeKind.InstallPackage).Any()).ToList();
        if (!await run.Runner.ForEachAsync(needPackages, "packages", InstallAsync, cancellationToken)) return false;
        if (needPackages.Count == 0) return true;
        return await facts.ReadAsync(needPackages, cancellationToken) && await plan.PlanAsync(needPackages, cancellationToken);
    }

    private async Task<bool> InstallAsync(NodeContext node, CancellationToken ct)
    {
        var packages = node.Plan!.Of(ChangeKind.InstallPackage).Select(c => c.Target).ToList();
        var manager = node.Facts.PackageManager;
        ScriptResult result;
        if (run.Inventory.Packages.Source == PackageSource.Files)
        {
            var files = run.Inventory.Packages.FilesOf(PackageFormats.For(manager) ?? throw new InvalidOperationException($"no package format for {manager}"));
            result = await new PackageFileInstaller(node.Session!, run.Progress, node.Name, time: run.Time).InstallAsync(manager, files, packages, ct);
            if (result.ExitCode == ScriptMarkers.ExitPackageDigestMismatch)
                return run.Fail(node, $"the copies of {string.Join(", ", ScriptMarkers.BadDigestFiles(result.StandardOutput))} on the node differ from the files sent; nothing was installed");
        }
        else
        {
            run.Progress.Report("packages", node.Name, $"installing {string.Join(", ", packages)} with {manager.ToString().ToLowerInvariant()}");
            result = await node.Session!.ChangeAsync("install packages", NodeScripts.InstallPackages(manager, packages), ct);
        }
        if (!result.Succeeded) return run.Fail(node, $"installing {string.Join(", ", packages)} failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError + result.StandardOutput)}");
        run.Progress.Report("packages", node.Name, $"installed {string.Join(", ", packages)}");
        node.HostChanged = true;
        return true;
    }
}
