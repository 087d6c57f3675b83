using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Hosts;

/// <summary>
/// One open session per node for a whole run (verify --watch, failover-test), opened on first use. A node that
/// could not be reached is tried again on the next use; the reason of the last failure is kept.
/// </summary>
public sealed class NodeSessions(IHostConnector connector) : IAsyncDisposable
{
    private readonly Dictionary<string, Task<IHostSession>> _sessions = new(StringComparer.Ordinal);
    private readonly List<Task<IHostSession>> _retired = [];
    private readonly Lock _lock = new();

    /// <summary>The node's session, connecting when there is none yet. Throws <see cref="HostConnectionException"/>.</summary>
    public async Task<IHostSession> GetAsync(LbNode node, CancellationToken cancellationToken)
    {
        Task<IHostSession> pending;
        lock (_lock)
        {
            if (!_sessions.TryGetValue(node.Name, out pending!) || pending.IsFaulted || pending.IsCanceled)
            {
                pending = connector.ConnectAsync(node, cancellationToken);
                _sessions[node.Name] = pending;
            }
        }
        return await pending;
    }

    /// <summary>
    /// Makes the next <see cref="GetAsync"/> open a new connection, e.g. after a node lost its link or power and the
    /// old connection may hang. The old session is kept open (runs on it may still deliver) until disposal.
    /// </summary>
    public void Reset(string nodeName)
    {
        lock (_lock)
        {
            if (_sessions.Remove(nodeName, out var old)) _retired.Add(old);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Task<IHostSession>> all;
        lock (_lock)
        {
            all = _sessions.Values.Concat(_retired).ToList();
            _sessions.Clear();
            _retired.Clear();
        }
        foreach (var task in all)
        {
            if (!task.IsCompletedSuccessfully) continue;
            try { await task.Result.DisposeAsync(); }
            catch (Exception) { /* closing a broken connection: nothing left to do */ }
        }
    }
}
