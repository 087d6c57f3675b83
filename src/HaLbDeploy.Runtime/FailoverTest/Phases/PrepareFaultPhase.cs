using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// Readies the fault without causing it (kill-haproxy holds off systemd's restart). When that fails or the run is
/// interrupted here, the preparation is undone at once and the run ends: nothing was faulted.
/// </summary>
internal sealed class PrepareFaultPhase(IFaultInjector injector, IRunProgress progress) : IFailoverPhase
{
    public string Name => "prepare fault";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        FaultActionRecord? prepared = null;
        try
        {
            prepared = await injector.PrepareAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // nothing was prepared that the undo below would not undo
        }
        if (prepared is { Succeeded: false } || cancellationToken.IsCancellationRequested)
        {
            await UndoAsync(run, prepared, cancellationToken);
            return;
        }
        run.Prepared = prepared;
        if (prepared is not null) progress.Report("failover", run.Node.Name, prepared.Description);
    }

    private async Task UndoAsync(FailoverRun run, FaultActionRecord? prepared, CancellationToken cancellationToken)
    {
        var undo = await injector.RestoreAsync(CancellationToken.None);
        if (!undo.Succeeded) run.AddError($"undoing the preparation failed: {undo.Detail}");
        if (cancellationToken.IsCancellationRequested)
            run.Finish(FailoverOutcome.Interrupted, "interrupted before the fault was injected; nothing was changed");
        else
            run.Finish(FailoverOutcome.Failed, $"FAIL: {prepared!.Description}: {prepared.Detail}");
    }
}
