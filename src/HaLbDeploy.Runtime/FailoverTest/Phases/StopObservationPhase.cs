using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// Ends the observation and stops the samplers and the prober. Every live node has a sampler run in flight at
/// this moment, so the series of all of them reach the end.
/// </summary>
internal sealed class StopObservationPhase(TimeProvider time) : IFailoverPhase
{
    public string Name => "stop observing";

    public async Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
    {
        run.End = time.GetUtcNow();
        run.Probes = await run.Loops.StopAsync();
        foreach (var error in run.Loops.SamplerErrors()) run.AddError(error);
    }
}
