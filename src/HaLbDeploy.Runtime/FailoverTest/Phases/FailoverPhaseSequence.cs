using System.Runtime.ExceptionServices;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// Runs failover-test's phases in order until one of them has ended the run with its report. When a phase throws,
/// only the phases after it that run also after an error (the restore) still run, and then the error is rethrown.
/// The token is only handed on: each phase decides what an interruption means at its point.
/// </summary>
internal static class FailoverPhaseSequence
{
    public static async Task<FailoverTestReport> RunAsync(IEnumerable<IFailoverPhase> phases, FailoverRun run, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? error = null;
        foreach (var phase in phases)
        {
            if (error is not null && !phase.RunsAfterAnError) continue;
            try
            {
                await phase.RunAsync(run, cancellationToken);
            }
            catch (Exception e) when (error is null)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
            if (error is null && run.Report is { } report) return report;
        }
        error?.Throw();
        throw new InvalidOperationException("failover-test: the phases ended without a report");
    }
}
