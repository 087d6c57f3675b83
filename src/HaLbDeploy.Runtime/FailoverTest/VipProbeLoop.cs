using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// Probes the VIP from the control host every interval, each probe on its own connection and bounded by the
/// probe's timeout, so a hanging probe does not delay the next. Stops by itself after its maximum duration (on the
/// given clock), and never has more than 64 probes in flight.
/// </summary>
/// <param name="succeeded">What counts as a successful probe: the API answered (<see cref="VipProbeResult.Serves"/>) unless given.</param>
public sealed class VipProbeLoop(IVipProbe probe, TimeSpan interval, TimeProvider time, Func<VipProbeResult, bool>? succeeded = null)
{
    private const int MaxInFlight = 64;
    private CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<ProbeSample> _samples = [];
    private readonly List<Task> _inFlight = [];
    private Task _loop = Task.CompletedTask;

    public void Start(TimeSpan maxDuration)
    {
        _stop = new CancellationTokenSource(maxDuration, time);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The probes so far, in start order.</summary>
    public IReadOnlyList<ProbeSample> Samples
    {
        get { lock (_lock) return _samples.OrderBy(s => s.At).ToList(); }
    }

    public async Task<IReadOnlyList<ProbeSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        List<Task> pending;
        lock (_lock) pending = _inFlight.ToList();
        await Task.WhenAll(pending);
        return Samples;
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                lock (_lock)
                {
                    _inFlight.RemoveAll(t => t.IsCompleted);
                    if (_inFlight.Count < MaxInFlight) _inFlight.Add(Task.Run(ProbeOnceAsync));
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task ProbeOnceAsync()
    {
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        ProbeSample sample;
        try
        {
            var result = await probe.ProbeAsync(CancellationToken.None);
            var ok = succeeded?.Invoke(result) ?? result.Serves;
            sample = new ProbeSample(at, time.GetElapsedTime(started), ok, ok ? null : result.Describe());
        }
        catch (Exception e)
        {
            sample = new ProbeSample(at, time.GetElapsedTime(started), false, e.Message);
        }
        lock (_lock) _samples.Add(sample);
    }
}
