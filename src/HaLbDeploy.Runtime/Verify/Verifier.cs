using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.Verify;

/// <summary>
/// One verify round: reads every node's status in parallel (one read-only script each) while probing the VIP from
/// the control host, then lets <see cref="VerificationRules"/> judge. Uses the sessions only to read. After the probe
/// it looks the VIP up in this machine's ARP table, so that a connection lost to a stale entry can be named.
/// </summary>
public sealed class Verifier(Inventory inventory, NodeSessions sessions, IVipProbe vipProbe, TimeProvider time, INeighbourTable? neighbours = null)
{
    /// <summary>The longest a node may take to answer before it counts as unreachable for this round.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(30);

    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var probe = vipProbe.ProbeAsync(cancellationToken);
        var statuses = await Task.WhenAll(inventory.Nodes.Select(n => ReadAsync(n, cancellationToken)));
        var probed = await probe;
        var neighbour = neighbours?.Find(inventory.Vip.Address);
        return VerificationRules.Judge(inventory, statuses, vipProbe.Target, probed, time.GetUtcNow(), neighbour);
    }

    private async Task<NodeStatus> ReadAsync(LbNode node, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(NodeTimeout);
        try
        {
            IHostReader reader = await sessions.GetAsync(node, limit.Token);
            var result = await reader.ReadAsync(NodeStatusScript.Description, NodeStatusScript.Build(node.Interface), limit.Token);
            if (!result.Succeeded)
                return NodeStatus.Unreachable(node.Name, $"the status script failed (exit {result.ExitCode}): {result.StandardError.Trim()}") with { Reachable = true };
            return NodeStatusScript.Parse(node.Name, inventory.Vip.Address, result.StandardOutput);
        }
        catch (HostConnectionException e)
        {
            return NodeStatus.Unreachable(node.Name, e.Message.StartsWith(node.Name + ":", StringComparison.Ordinal) ? e.Message[(node.Name.Length + 1)..].Trim() : e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NodeStatus.Unreachable(node.Name, $"no answer within {NodeTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is TimeoutException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return NodeStatus.Unreachable(node.Name, e.Message);
        }
    }
}
