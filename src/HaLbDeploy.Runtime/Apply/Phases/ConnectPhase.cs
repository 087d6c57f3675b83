using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>Opens one session per node, kept for the whole run. A node that cannot be reached fails here.</summary>
internal sealed class ConnectPhase(ApplyRun run) : IPhase
{
    public Task<bool> RunAsync(CancellationToken cancellationToken) =>
        run.Runner.ForEachAsync(run.Nodes, "connect", ConnectAsync, cancellationToken);

    private async Task<bool> ConnectAsync(NodeContext node, CancellationToken ct)
    {
        node.Session = await run.Connector.ConnectAsync(node.Node, ct);
        return true;
    }
}
