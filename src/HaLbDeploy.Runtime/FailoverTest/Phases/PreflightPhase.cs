using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Verify;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>Verify before anything is touched: only a healthy tier, with one VIP holder, is faulted.</summary>
internal sealed class PreflightPhase(Verifier verifier, IRunProgress progress) : IFailoverPhase
{
    public string Name => "preflight";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        progress.Report("preflight", "*", "verify: the tier must be healthy before a fault is injected");
        try
        {
            run.Before = await verifier.VerifyAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            run.Finish(FailoverOutcome.Interrupted, "interrupted before any fault was injected");
            return;
        }
        if (!run.Before.Healthy)
        {
            run.Finish(FailoverOutcome.PreconditionFailed, $"not started: the tier is not healthy before the test: {run.Before.Summary}");
            return;
        }
        run.HolderBefore = run.Before.VipHolders[0];
        var node = run.Node.Name;
        progress.Report("preflight", "*", run.HolderBefore == node
            ? $"healthy; {node} holds the VIP"
            : $"healthy; {run.HolderBefore} holds the VIP, not {node}: the test shows that the VIP does not move");
    }
}
