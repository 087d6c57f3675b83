using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Hosts;

/// <summary>
/// Runs one read-only script on a node within a time limit and types its output; a node that cannot be reached,
/// whose script fails, or that does not answer in time becomes a value (from <paramref name="unreachable"/>), never an exception.
/// Used by verify and status alike.
/// </summary>
public static class NodeRead
{
    public static async Task<T> RunAsync<T>(NodeSessions sessions, LbNode node, string description, string script, TimeSpan timeout,
        Func<string, T> parse, Func<string, bool, T> unreachable, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            IHostReader reader = await sessions.GetAsync(node, limit.Token);
            var result = await reader.ReadAsync(description, script, limit.Token);
            if (!result.Succeeded)
                return unreachable($"the status script failed (exit {result.ExitCode}): {result.StandardError.Trim()}", true);
            return parse(result.StandardOutput);
        }
        catch (HostConnectionException e)
        {
            return unreachable(e.Message.StartsWith(node.Name + ":", StringComparison.Ordinal) ? e.Message[(node.Name.Length + 1)..].Trim() : e.Message, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return unreachable($"no answer within {timeout.TotalSeconds:0} s", false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return unreachable(e.Message, false);
        }
    }
}
