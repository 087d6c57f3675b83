using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Writes every node's new files next to the live ones and has the node's own binaries validate them. Nothing
/// live changes here; if any node rejects its files, the files staged on all nodes are removed.
/// </summary>
internal sealed class StagePhase(ApplyRun run) : IPhase
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var needFiles = run.Nodes.Where(n => n.FilesToStage.Count > 0).ToList();
        if (await run.Runner.ForEachAsync(needFiles, "stage", StageAsync, cancellationToken)) return true;
        await StagedFiles.DiscardAsync(run.Nodes);
        return false;
    }

    private async Task<bool> StageAsync(NodeContext node, CancellationToken ct)
    {
        var files = node.FilesToStage;
        var result = await node.Session!.ChangeAsync("stage and validate files", NodeScripts.Stage(files), ct);
        if (result.ExitCode == ScriptMarkers.ExitInvalidConfig)
        {
            var paths = string.Join(", ", ScriptMarkers.InvalidPaths(result.StandardOutput));
            return run.Fail(node, $"the node's own validation rejected the new {paths}; nothing was replaced on any node:\n{run.Masker.Mask(result.StandardOutput.Trim())}");
        }
        if (!result.Succeeded) return run.Fail(node, $"staging files failed (exit {result.ExitCode}): {run.Masker.Mask(ScriptOutput.Tail(result.StandardError))}");
        node.Staged = true;
        run.Progress.Report("stage", node.Name, $"{files.Count} file(s) staged and validated on the node");
        return true;
    }
}
