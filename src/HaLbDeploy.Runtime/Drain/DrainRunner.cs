using HaLbDeploy.Core.Drain;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.Drain;

/// <summary>
/// drain and undrain: takes the tier's run lock (so no apply reloads haproxy meanwhile), sets the API server's state
/// in every node's haproxy through the admin socket, all nodes at once, and for drain reads the server's sessions
/// on every node until none is left or the timeout passes. Nothing is written to disk and nothing is reloaded.
/// </summary>
public sealed class DrainRunner(Inventory inventory, NodeSessions sessions, IRunProgress progress, TimeProvider time, DrainOptions options)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    /// <summary>The haproxy backend sections that list the server: the change and every read name them.</summary>
    private readonly IReadOnlyList<string> _sections = ServerStateScript.SectionsServing(inventory, options.Backend);

    private string Phase => options.State == ServerAdminState.Drain ? "drain" : "undrain";

    public async Task<DrainReport> RunAsync(CancellationToken cancellationToken)
    {
        var locks = new List<IAsyncDisposable>();
        IReadOnlyList<ServerOnNode> nodes = inventory.Nodes.Select(n => ServerOnNode.Unreadable(n.Name, "not reached")).ToList();
        var waited = TimeSpan.Zero;
        try
        {
            var refusals = await LockAsync(locks, cancellationToken);
            if (refusals.Count > 0) return Judge(refusals, waited, interrupted: false);
            nodes = await Task.WhenAll(inventory.Nodes.Select(n => ChangeAsync(n, cancellationToken)));
            if (options.State == ServerAdminState.Drain && options.Timeout > TimeSpan.Zero && nodes.All(n => !n.Failed))
                (nodes, waited) = await WaitForSessionsAsync(nodes, cancellationToken);
            return Judge(nodes, waited, interrupted: false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Judge(nodes, waited, interrupted: true);
        }
        finally
        {
            await TierRunLock.ReleaseAllAsync(locks);
        }
    }

    private DrainReport Judge(IReadOnlyList<ServerOnNode> nodes, TimeSpan waited, bool interrupted) =>
        DrainVerdict.Judge(options.State, options.Backend, nodes, waited, options.Timeout, interrupted);

    /// <summary>Takes the run lock on every node; the nodes it could not take it on, with the reason (none: all taken).</summary>
    private async Task<IReadOnlyList<ServerOnNode>> LockAsync(List<IAsyncDisposable> locks, CancellationToken ct)
    {
        var owner = TierRunLock.OwnerForThisRun(time);
        var attempts = await Task.WhenAll(inventory.Nodes.Select(async node =>
        {
            try
            {
                var attempt = await (await sessions.GetAsync(node, ct)).TryTakeRunLockAsync(owner, ct);
                return (node.Name, attempt.Lock, Refusal: attempt.Taken ? null : TierRunLock.Refusal(attempt.HeldBy!));
            }
            catch (HostConnectionException e)
            {
                return (node.Name, Lock: (IAsyncDisposable?)null, Refusal: e.Message);
            }
        }));
        locks.AddRange(attempts.Where(a => a.Lock is not null).Select(a => a.Lock!));
        if (attempts.All(a => a.Refusal is null)) return [];
        return attempts.Select(a => ServerOnNode.Unreadable(a.Name, a.Refusal ?? ServerOnNode.NotChanged)).ToList();
    }

    private async Task<ServerOnNode> ChangeAsync(LbNode node, CancellationToken ct)
    {
        var script = ServerStateScript.BuildChange(options.Backend, options.State, _sections);
        var result = await RunOnNodeAsync(node, session => session.ChangeAsync(ServerStateScript.ChangeDescription, script, ct), ct);
        if (!result.Failed) progress.Report(Phase, node.Name, $"{options.Backend} is {result.Server!.Status}, {result.Sessions ?? 0} sessions open");
        else progress.Warn(Phase, node.Name, result.Error!);
        return result;
    }

    private async Task<(IReadOnlyList<ServerOnNode> Nodes, TimeSpan Waited)> WaitForSessionsAsync(IReadOnlyList<ServerOnNode> nodes, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        TimeSpan? lastReport = null;
        while (!DrainVerdict.Finished(nodes))
        {
            var waited = time.GetElapsedTime(start);
            if (lastReport is null || waited - lastReport >= ProgressEvery)
            {
                lastReport = waited;
                progress.Report("wait", "*", $"sessions still open to {options.Backend}: {nodes.Sum(n => n.Sessions ?? 0)} " +
                    $"({string.Join(", ", nodes.Select(n => $"{n.Node} {n.Sessions?.ToString() ?? "?"}"))}) after {waited.TotalSeconds:0} s of {options.Timeout.TotalSeconds:0} s");
            }
            if (waited >= options.Timeout) break;
            await Task.Delay(options.PollInterval, time, ct);
            nodes = await Task.WhenAll(inventory.Nodes.Select(n =>
                RunOnNodeAsync(n, session => session.ReadAsync(ServerStateScript.ReadDescription, ServerStateScript.BuildRead(), ct), ct)));
        }
        return (nodes, time.GetElapsedTime(start));
    }

    /// <summary>Runs one script on the node within the node timeout and types its answer; a failure becomes an error value.</summary>
    private async Task<ServerOnNode> RunOnNodeAsync(LbNode node, Func<IHostSession, Task<ScriptResult>> run, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.NodeTimeout);
        try
        {
            var result = await run(await sessions.GetAsync(node, limit.Token)).WaitAsync(limit.Token);
            return result.Succeeded
                ? ServerStateScript.Parse(node.Name, options.Backend, result.StandardOutput, _sections)
                : ServerOnNode.Unreadable(node.Name, $"the script failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
        }
        catch (HostConnectionException e)
        {
            return ServerOnNode.Unreadable(node.Name, e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ServerOnNode.Unreadable(node.Name, $"no answer within {options.NodeTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is TimeoutException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return ServerOnNode.Unreadable(node.Name, e.Message);
        }
    }
}
