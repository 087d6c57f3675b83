using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// apply only, after every member's files are staged and before the rollout: takes the retired nodes out of
/// service one at a time, the VIP holder last. A holder's keepalived stops gracefully (priority 0), so the best
/// member takes the VIP within its skew time; the phase waits for that single holder and reads the members' facts
/// again, so that the rollout (which then drops the retired nodes from every unicast list) keeps the new holder last.
/// A retired node that fails stops the run before any member changes; the members' staged files are removed.
/// </summary>
internal sealed class RetirePhase(ApplyRun run, FactsPhase facts) : IPhase
{
    private const string Phase = "retire";

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var retiring = run.Retired.Where(r => r.Plan!.HasChanges).OrderBy(r => r.Plan!.HoldsVip).ToList();
        foreach (var node in run.Retired.Where(r => !r.Plan!.HasChanges)) node.Outcome = NodeOutcome.Unchanged;
        foreach (var node in retiring)
        {
            if (!await run.RetiredRunner.GuardAsync(node, Phase, () => RetireAsync(node, cancellationToken)))
            {
                await StagedFiles.DiscardAsync(run.Nodes);
                return false;
            }
            node.Outcome = NodeOutcome.Changed;
        }
        if (!retiring.Any(r => r.Plan!.HoldsVip)) return true;
        return await AwaitNewHolderAsync(cancellationToken) && await facts.ReadAsync(run.Nodes, cancellationToken);
    }

    private async Task<bool> RetireAsync(RetiredContext node, CancellationToken ct)
    {
        foreach (var change in node.Plan!.Changes) run.Progress.Report(Phase, node.Name, change.ToString());
        // Once keepalived is stopping, the rest must follow on the node: a Ctrl+C does not leave it half retired.
        var result = await node.Session!.ChangeAsync(RetireScript.Description, RetireScript.Build(node.Plan, run.Inventory.Vip.Address), CancellationToken.None);
        if (!result.Succeeded) return run.Fail(node, $"retiring failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        run.Progress.Report(Phase, node.Name, node.Plan.HoldsVip ? "retired: keepalived stopped, the VIP released" : "retired");
        ct.ThrowIfCancellationRequested();
        return true;
    }

    /// <summary>When no member runs keepalived yet (a tier being rebuilt), nobody can take the VIP before the rollout: nothing to wait for.</summary>
    private async Task<bool> AwaitNewHolderAsync(CancellationToken ct)
    {
        if (!run.Nodes.Any(n => n.Facts.Keepalived is { Active: true })) return true;
        var holder = await new HealthWait(run).WaitForOneHolderAsync(ct);
        if (holder is null)
        {
            run.AddError($"after the retired VIP holder stopped, no single member took the VIP within {run.Options.HealthTimeoutOrDefault.TotalSeconds:0} s; the rollout did not start");
            await StagedFiles.DiscardAsync(run.Nodes);
            return false;
        }
        run.Progress.Report(Phase, "*", $"VIP handed over to {holder}");
        return true;
    }
}
