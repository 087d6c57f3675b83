using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Opens one session per node, kept for the whole run, the retired nodes' too. A node that cannot be reached fails
/// here, and so does a retired one: it may still run keepalived and compete for the VIP once its peers forget it,
/// so nothing changes anywhere until it is reached or taken off `retired_nodes` (it is gone for good).
/// </summary>
internal sealed class ConnectPhase(ApplyRun run) : IPhase
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var members = run.Runner.ForEachAsync(run.Nodes, "connect", ConnectAsync, cancellationToken);
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
