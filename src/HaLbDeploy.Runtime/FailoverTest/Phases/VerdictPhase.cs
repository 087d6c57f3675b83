using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>Hands the recorded series to <see cref="FailoverAnalyzer"/> and ends the run with <see cref="FailoverVerdict"/>.</summary>
internal sealed class VerdictPhase : IFailoverPhase
{
    public string Name => "analyse";

    public Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        if (run.Fault is not { } fault)
        {
            run.Finish(FailoverOutcome.Interrupted, "interrupted before the fault was injected; nothing was changed");
            return Task.CompletedTask;
        }
        var observation = new FailoverObservation(run.Scenario, run.Loops.Samples(fault), run.Probes, run.Start, fault, run.Restore, run.End,
            run.Loops.KeepalivedStartedAfter(run.Restore?.StartedAt ?? run.End));
        var analysis = FailoverAnalyzer.Analyze(observation);
        var (outcome, summary) = FailoverVerdict.Of(analysis, run.After, run.Interrupted);
        run.Finish(outcome, summary, observation, analysis);
        return Task.CompletedTask;
    }
}
