using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>
/// LB nodes in memory on a <see cref="JumpingClock"/>, reached through this connector. After each activation the
/// VIP goes where keepalived would put it: with preempt to the highest-priority node whose services run, without
/// it only when its holder's services stopped. Every script run on any node is in <see cref="Calls"/>, in order.
/// </summary>
public sealed class SimulatedLbTier(IReadOnlyList<SimulatedLbNode> nodes, IPAddress vip, bool preempt, JumpingClock clock) : IHostConnector
{
    private readonly Lock _lock = new();
    private readonly List<RemoteCall> _calls = [];
    private readonly List<string> _disconnected = [];
    private readonly List<string> _connected = [];

    public IReadOnlyList<SimulatedLbNode> Nodes => nodes;

    public IPAddress Vip => vip;

    public JumpingClock Clock => clock;

    public string? VipHolder { get; set; }

    public IReadOnlyList<RemoteCall> Calls
    {
        get { lock (_lock) return [.. _calls]; }
    }

    public IReadOnlyList<string> Disconnected
    {
        get { lock (_lock) return [.. _disconnected]; }
    }

    /// <summary>The nodes a session was opened to, in order.</summary>
    public IReadOnlyList<string> Connected
    {
        get { lock (_lock) return [.. _connected]; }
    }

    public SimulatedLbNode this[string name] => nodes.Single(n => n.Name == name);

    /// <summary>The descriptions of the scripts run on one node, in order.</summary>
    public IReadOnlyList<string> CallsOn(string node) => Calls.Where(c => c.Node == node).Select(c => c.Description).ToList();

    public async Task<IHostSession> ConnectAsync(LbNode node, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var simulated = this[node.Name];
        if (simulated.ConnectDelay is { } delay) await delay(cancellationToken);
        if (simulated.ConnectFailure is { } failure) throw failure;
        lock (_lock) _connected.Add(node.Name);
        return new SimulatedLbSession(simulated, this);
    }

    internal void Record(RemoteCall call)
    {
        lock (_lock) _calls.Add(call);
    }

    internal void Disconnect(string node)
    {
        lock (_lock) _disconnected.Add(node);
    }

    /// <summary>Moves the VIP as the VRRP election would after a node's services changed.</summary>
    internal void Elect()
    {
        var live = nodes.Where(n => n.ServicesActive).ToList();
        if (!preempt && live.Any(n => n.Name == VipHolder)) return;
        VipHolder = live.MaxBy(n => n.Priority)?.Name;
    }
}
