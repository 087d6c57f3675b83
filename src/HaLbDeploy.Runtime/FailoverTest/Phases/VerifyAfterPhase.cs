using HaLbDeploy.Core.Verification;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Verify;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// Verify again after a fault, until healthy or the time allowed for haproxy's checks to rise is up (five seconds
/// after an interruption: the user wants out). Not cancelled by Ctrl+C: the report should say how the tier was left.
/// </summary>
internal sealed class VerifyAfterPhase(Verifier verifier, IRunProgress progress, TimeProvider time) : IFailoverPhase
{
    private static readonly TimeSpan AfterAnInterruption = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public string Name => "verify after";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        if (run.Fault is null) return;
        progress.Report("verify", "*", "verify after the test");
        run.After = await VerifyUntilHealthyAsync(run.Interrupted ? AfterAnInterruption : run.Options.AfterVerifyTimeout);
    }

    private async Task<VerificationReport> VerifyUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var report = await verifier.VerifyAsync(CancellationToken.None);
            if (report.Healthy || time.GetUtcNow() >= deadline) return report;
            await Task.Delay(Pause, time);
        }
    }
}
