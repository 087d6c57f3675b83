using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Opens one session per node, kept for the whole run, the retired nodes' too. A node that cannot be reached fails
/// here, and so does a retired one: it may still run keepalived and compete for the VIP once its peers forget it,
/// so nothing changes anywhere until it is reached or taken off `retired_nodes` (it is gone for good).
/// <para>
/// <paramref name="thenOnEachMember"/> (reading the facts, or taking the run lock with them) runs on a member as soon
/// as its own connection is up, while the others still connect: the slowest connection no longer holds back the
/// first round trip of the rest. It reads and locks, never changes; a node that cannot be reached still stops the run
/// before anything changes, and the locks taken meanwhile are let go with the run.
/// </para>
/// </summary>
internal sealed class ConnectPhase(ApplyRun run, NodeStep<NodeContext>? thenOnEachMember = null) : IPhase
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        NodeStep<NodeContext> connect = new("connect", ConnectAsync);
        var members = run.Runner.ForEachAsync(run.Nodes, thenOnEachMember is { } then ? [connect, then] : [connect], cancellationToken);
        var retired = run.RetiredRunner.ForEachAsync(run.Retired, "connect", ConnectRetiredAsync, cancellationToken);
        return await members & await retired;
    }

    private async Task<bool> ConnectAsync(NodeContext node, CancellationToken ct)
    {
        node.Session = await run.Connector.ConnectAsync(node.Node, ct);
        return true;
    }

    private async Task<bool> ConnectRetiredAsync(RetiredContext node, CancellationToken ct)
    {
        try
        {
            node.Session = await run.Connector.ConnectAsync(node.Target, ct);
            return true;
        }
        catch (HostConnectionException e)
        {
            return run.Fail(node, $"the retired node {node.Node.Address} cannot be reached ({e.Message}); nothing was changed on any node, since it may still " +
                "run keepalived and would take the VIP once its peers forget it. Reach it (or power it off for good), or, if it is gone for good, " +
                "remove it from retired_nodes");
        }
    }
}
