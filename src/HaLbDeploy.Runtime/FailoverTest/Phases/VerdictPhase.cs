using System.Net;
using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>Hands the recorded series (of each address of the faulted sync group) to <see cref="FailoverAnalyzer"/> and ends the run with <see cref="FailoverVerdict"/>.</summary>
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
        var others = run.Loops.OtherAddresses.Select(a => OtherAddress(run, fault, observation, a)).ToList();
        var (outcome, summary) = FailoverVerdict.WithOtherAddresses(FailoverVerdict.Of(analysis, run.After, run.Interrupted), others);
        run.Finish(outcome, summary, observation, analysis, others);
        return Task.CompletedTask;
    }

    /// <summary>Another address of the sync group, analysed as the main one from its own samples and probes.</summary>
    private static AddressAnalysis OtherAddress(FailoverRun run, FaultActionRecord fault, FailoverObservation main, IPAddress address)
    {
        var observation = main with { Samples = run.Loops.SamplesOf(address, fault), Probes = run.Loops.ProbesOf(address) };
        return new AddressAnalysis(address, observation, FailoverAnalyzer.Analyze(observation));
    }
}
