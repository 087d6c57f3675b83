using HaLbDeploy.Core.Preflight;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Checks from the facts alone that every node can take its configuration. Errors stop the run before anything
/// is planned; warnings go into the report. A node with an error keeps no outcome: nothing was tried on it.
/// </summary>
internal sealed class PreflightPhase(ApplyRun run) : IPhase
{
    public Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var ok = true;
        foreach (var node in run.Nodes)
        {
            foreach (var finding in PreflightChecks.Check(run.Inventory, node.Node, node.Facts, node.ClockOffset, run.Options.ClockSkewWarningOrDefault))
            {
                var line = $"[{finding.Check}] {finding.Message}";
                if (finding.IsError)
                {
                    ok = false;
                    node.Error = line;
                    run.AddError($"{node.Name}: preflight {line}");
                    run.Progress.Warn("preflight", node.Name, "[ERROR] " + line);
                }
                else
                {
                    run.AddWarning($"{node.Name}: {line}");
                    run.Progress.Warn("preflight", node.Name, "[WARNING] " + line);
                }
            }
        }
        return Task.FromResult(ok);
    }
}
