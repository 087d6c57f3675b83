using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// Keeps <see cref="VipSamplerScript"/> running on one node for as long as the test needs it: each run lasts
/// <c>runDuration</c>, and the next one is launched a little before the previous ends, so the series has no hole.
/// At most two runs are in flight; a failed run (node unreachable) is retried after a short pause. Runs that hang
/// on a cut-off node can be left behind with <see cref="ResumeOnNewConnection"/>: whatever they still deliver is kept.
/// Bounded on the given clock: no launch after the maximum duration, and no run longer than its duration + 20 s.
/// </summary>
public sealed class NodeSamplerLoop
{
    private static readonly TimeSpan MinimumOverlap = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly LbNode _node;
    private readonly NodeSessions _sessions;
    private readonly TimeProvider _time;
    private readonly string _script;
    private readonly TimeSpan _runDuration;
    private readonly TimeSpan _overlap;
    private CancellationTokenSource _hardStop = new();
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset LaunchedAt, SamplerOutput Output)> _outputs = [];
    private readonly List<string> _errors = [];
    private readonly List<Task> _inFlight = [];
    private readonly List<Task> _leftBehind = [];
    private DateTimeOffset _retryAfter = DateTimeOffset.MinValue;
    private volatile bool _paused;
    private volatile bool _stopping;
    private Task _loop = Task.CompletedTask;

    public NodeSamplerLoop(LbNode node, NodeSessions sessions, IPAddress vip, TimeSpan runDuration, TimeSpan sampleInterval, TimeProvider time)
    {
        _node = node;
        _sessions = sessions;
        _time = time;
        _runDuration = runDuration;
        // A late launch (a busy control host) must not leave a hole between runs: a third of a run, at least 300 ms.
        _overlap = runDuration / 3 > MinimumOverlap ? runDuration / 3 : MinimumOverlap;
        _script = VipSamplerScript.Build(vip, runDuration, sampleInterval);
    }

    public string NodeName => _node.Name;

    /// <summary>Every completed run with the control-host time it was launched at.</summary>
    public IReadOnlyList<(DateTimeOffset LaunchedAt, SamplerOutput Output)> Outputs
    {
        get { lock (_lock) return _outputs.ToList(); }
    }

    public IReadOnlyList<string> Errors
    {
        get { lock (_lock) return _errors.ToList(); }
    }

    public void Start(TimeSpan maxDuration)
    {
        _hardStop = new CancellationTokenSource(maxDuration, _time);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// Starts with one short run that ends before a fault that will cut the node off (its output would be lost
    /// with the connection), then waits paused for <see cref="ResumeOnNewConnection"/>.
    /// </summary>
    public void StartWithOneRun(TimeSpan maxDuration, TimeSpan firstRun, IPAddress vip, TimeSpan sampleInterval)
    {
        _hardStop = new CancellationTokenSource(maxDuration, _time);
        _paused = true;
        lock (_lock) _inFlight.Add(RunOnceAsync(_time.GetUtcNow(), VipSamplerScript.Build(vip, firstRun, sampleInterval), firstRun));
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Leaves the runs in flight behind, drops the node's connection for a new one, and samples again.</summary>
    public void ResumeOnNewConnection()
    {
        lock (_lock)
        {
            _leftBehind.AddRange(_inFlight);
            _inFlight.Clear();
            _retryAfter = DateTimeOffset.MinValue;
        }
        _sessions.Reset(_node.Name);
        _paused = false;
    }

    /// <summary>Stops launching, waits up to <paramref name="grace"/> for runs in flight, then cancels the rest.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _stopping = true;
        await _loop;
        List<Task> pending;
        lock (_lock) pending = _inFlight.Concat(_leftBehind).Where(t => !t.IsCompleted).ToList();
        if (pending.Count > 0) await Task.WhenAny(Task.WhenAll(pending), Task.Delay(grace, _time));
        await _hardStop.CancelAsync();
        if (pending.Any(t => !t.IsCompleted)) await Task.WhenAny(Task.WhenAll(pending), Task.Delay(TimeSpan.FromSeconds(2), _time));
    }

    private async Task LoopAsync()
    {
        var lastLaunch = DateTimeOffset.MinValue;
        while (!_stopping && !_hardStop.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            lock (_lock)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                var due = _inFlight.Count == 0 || (_inFlight.Count < 2 && now - lastLaunch >= _runDuration - _overlap);
                if (!_paused && now >= _retryAfter && due)
                {
                    _inFlight.Add(RunOnceAsync(now, _script, _runDuration));
                    lastLaunch = now;
                }
            }
            try
            {
                await Task.Delay(Poll, _time, _hardStop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RunOnceAsync(DateTimeOffset launchedAt, string script, TimeSpan duration)
    {
        try
        {
            using var runLimit = new CancellationTokenSource(duration + TimeSpan.FromSeconds(20), _time);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_hardStop.Token, runLimit.Token);
            var session = await _sessions.GetAsync(_node, limit.Token);
            var result = await session.ReadAsync(VipSamplerScript.Description, script, limit.Token);
            var output = VipSamplerScript.Parse(result.StandardOutput);
            lock (_lock)
            {
                _outputs.Add((launchedAt, output));
                if (output.Samples.Count == 0) _errors.Add($"{launchedAt:HH:mm:ss.fff}: the sampler printed no samples (exit {result.ExitCode}): {result.StandardError.Trim()}");
            }
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                _errors.Add($"{launchedAt:HH:mm:ss.fff}: {e.Message}");
                _retryAfter = _time.GetUtcNow() + RetryPause;
            }
        }
    }
}
