using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Hosts;

/// <summary>
/// Starts connecting to the first <c>parallel</c> nodes at once, before the run needs them, so that the connects
/// (TCP, key exchange, login) overlap what the control host still has to do (rendering the configurations). The
/// first <see cref="ConnectAsync"/> for a node takes its connection as it stands; a node not started early, or asked
/// for again, connects then. Nothing runs on a node until the run asks for its session. Disposing closes the
/// connections nobody took, e.g. when rendering failed and the run never started.
/// </summary>
public sealed class EagerHostConnector : IHostConnector, IAsyncDisposable
{
    private readonly IHostConnector _inner;
    private readonly Dictionary<string, Task<IHostSession>> _started = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private EagerHostConnector(IHostConnector inner) => _inner = inner;

    /// <param name="parallel">At most this many connects are started early, as the connect phase would run at once (--parallel).</param>
    public static EagerHostConnector Start(IHostConnector inner, IEnumerable<LbNode> nodes, int parallel, CancellationToken cancellationToken)
    {
        var connector = new EagerHostConnector(inner);
        foreach (var node in nodes.Take(Math.Max(1, parallel))) connector._started[node.Name] = inner.ConnectAsync(node, cancellationToken);
        return connector;
    }

    public Task<IHostSession> ConnectAsync(LbNode node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_started.Remove(node.Name, out var started)) return started;
        }
        return _inner.ConnectAsync(node, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        List<Task<IHostSession>> unclaimed;
        lock (_lock)
        {
            unclaimed = [.. _started.Values];
            _started.Clear();
        }
        foreach (var task in unclaimed)
        {
            try { await (await task).DisposeAsync(); }
            catch (Exception) { /* a connect that failed or was cancelled: nothing to close */ }
        }
    }
}
