using System.Net;
using HaLbDeploy.Runtime.Tests.Hosts;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>
/// Two or three LB nodes in memory on the real clock: who holds the VIP over time. Stopping keepalived on the
/// holder leaves the VIP nowhere, then on the next node after <see cref="Takeover"/> (null: never); starting it
/// again brings the VIP back after <see cref="Failback"/>.
/// </summary>
public sealed class SimulatedTier(IReadOnlyList<string> nodes, IPAddress vip)
{
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset At, string? Holder)> _schedule = [(DateTimeOffset.MinValue, nodes[0])];
    private readonly HashSet<string> _stopped = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Nodes => nodes;

    /// <summary>Each node's run lock, free unless a test makes another run hold it.</summary>
    public IReadOnlyDictionary<string, SimulatedRunLock> RunLocks { get; } = nodes.ToDictionary(n => n, _ => new SimulatedRunLock(), StringComparer.Ordinal);

    public SimulatedRunLock RunLockOf(string node) => RunLocks[node];

    public IPAddress Vip => vip;

    public TimeSpan? Takeover { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan Failback { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The nodes track haproxy by the fast profile's track file (what failover-test reads for kill-haproxy's bound).</summary>
    public bool TrackFile { get; init; }

    /// <summary>A second node that also holds the VIP from the start (a split brain before the test).</summary>
    public string? AlsoHolding { get; init; }

    public List<string> Changes { get; } = [];

    /// <summary>Called when a fault is injected, e.g. to cancel the run at that moment.</summary>
    public Action? OnFault { get; init; }

    public string? HolderAt(DateTimeOffset at)
    {
        lock (_lock) return _schedule.Last(s => s.At <= at).Holder;
    }

    public bool Holds(string node, DateTimeOffset at) => HolderAt(at) == node || (AlsoHolding == node);

    public bool KeepalivedActive(string node)
    {
        lock (_lock) return !_stopped.Contains(node);
    }

    public void StopKeepalived(string node)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            Changes.Add($"stop {node}");
            _stopped.Add(node);
            if (HolderAt(now) == node)
            {
                _schedule.Add((now, null));
                if (Takeover is { } delay) _schedule.Add((now + delay, nodes.First(n => n != node)));
            }
        }
        OnFault?.Invoke();
    }

    /// <summary>A change that does not move the VIP, only noted in <see cref="Changes"/>.</summary>
    public void Record(string change)
    {
        lock (_lock) Changes.Add(change);
    }

    public void StartKeepalived(string node)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            Changes.Add($"start {node}");
            _stopped.Remove(node);
            if (node == nodes[0]) _schedule.Add((now + Failback, node));
        }
    }
}
