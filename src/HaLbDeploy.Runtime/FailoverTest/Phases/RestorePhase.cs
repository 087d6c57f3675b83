using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// Undoes the fault and its preparation whenever either happened: also after an interruption (without the run's
/// token, so Ctrl+C cannot cut the restore short) or an error. A node the fault cut off is sampled again on a new
/// connection.
/// </summary>
internal sealed class RestorePhase(IFaultInjector injector, IRunProgress progress) : IFailoverPhase
{
    public string Name => "restore";

    public bool RunsAfterAnError => true;

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        if (run.Fault is null && run.Prepared is null) return;
        var node = run.Node.Name;
        progress.Report("failback", node, $"restore: {FaultActionText.Restore(run.Options, run.Node)}");
        var restore = await injector.RestoreAsync(CancellationToken.None);
        run.Restore = restore;
        if (!restore.Succeeded) progress.Warn("failback", node, $"the restore action FAILED, check the node: {restore.Detail}");
        if (injector.CutsTheNodeOff) run.Loops.ResumeFaultedNode();
    }
}
