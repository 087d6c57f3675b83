using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>
/// Reads every node's facts, one script per node, and how far the node's clock is from ours; a retired node's with
/// every file halb-deploy may have left there. A member whose facts were read as soon as it was connected
/// (<see cref="OnEachNode"/>, or with its run lock by <see cref="RunLockStep"/>, one command for both) is not read again.
/// </summary>
internal sealed class FactsPhase(ApplyRun run) : IPhase
{
    /// <summary>The members whose facts were read right after their connect.</summary>
    private readonly HashSet<NodeContext> readOnConnect = [];

    /// <summary>The facts read as <see cref="ConnectPhase"/> runs it on each member once it is connected.</summary>
    public NodeStep<NodeContext> OnEachNode => new("facts", ReadOnConnectAsync);

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var members = ReadAsync(run.Nodes.Where(n => !ReadOnConnect(n)).ToList(), cancellationToken);
        var retired = run.RetiredRunner.ForEachAsync(run.Retired, "facts", ReadRetiredAsync, cancellationToken);
        return await members & await retired;
    }

    /// <summary>Reads these nodes' facts (again, after installing packages).</summary>
    public Task<bool> ReadAsync(IReadOnlyList<NodeContext> nodes, CancellationToken cancellationToken) =>
        run.Runner.ForEachAsync(nodes, "facts", ReadNodeAsync, cancellationToken);

    private Task<bool> ReadOnConnectAsync(NodeContext node, CancellationToken ct)
    {
        MarkReadOnConnect(node);
        return ReadNodeAsync(node, ct);
    }

    private void MarkReadOnConnect(NodeContext node)
    {
        lock (readOnConnect) readOnConnect.Add(node);
    }

    private bool ReadOnConnect(NodeContext node)
    {
        lock (readOnConnect) return readOnConnect.Contains(node);
    }

    private async Task<bool> ReadNodeAsync(NodeContext node, CancellationToken ct)
    {
        var sent = run.Time.GetUtcNow();
        var result = await node.Session!.ReadAsync(FactScript.Description, ScriptFor(node), ct);
        return Accept(node, result, sent, run.Time.GetUtcNow());
    }

    /// <summary>
    /// The facts script for a member. The record of our package holds is not rendered: its existence alone tells whether
    /// a pin's hold may need releasing. The files rendered only for some inventories or facts (the fast profile's
    /// drop-in) are read whatever this render holds: the fast profile renders them again from these facts, and another
    /// profile removes them.
    /// </summary>
    public string ScriptFor(NodeContext node) => FactScript.Build(MemberPaths(node), run.Inventory.FrontendPorts);

    /// <summary>Takes a member's facts from what its facts script, run with its run lock, returned; they are not read again.</summary>
    public bool AcceptReadWithLock(NodeContext node, ScriptResult result, DateTimeOffset sent, DateTimeOffset received)
    {
        MarkReadOnConnect(node);
        return Accept(node, result, sent, received);
    }

    /// <summary>Takes a member's facts from what its facts script returned, sent and answered at the given times.</summary>
    private bool Accept(NodeContext node, ScriptResult result, DateTimeOffset sent, DateTimeOffset received)
    {
        if (!result.Succeeded) return run.Fail(node, $"reading facts failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        node.Facts = FactParser.Parse(result.StandardOutput);
        node.ClockOffset = node.Facts.Clock?.OffsetFrom(sent, received);
        return true;
    }

    /// <summary>The files a member's facts describe: its rendered ones, those apply may remove, and the record of package holds.</summary>
    private static IReadOnlyList<string> MemberPaths(NodeContext node) =>
        node.Desired.Files.Select(f => f.Path).Concat(NodePaths.RemovedWhenNotRendered).Append(NodePaths.PackageHoldsRecord).Distinct(StringComparer.Ordinal).ToList();

    private async Task<bool> ReadRetiredAsync(RetiredContext node, CancellationToken ct)
    {
        var result = await node.Session!.ReadAsync(FactScript.Description, FactScript.Build(NodePaths.Managed, run.Inventory.FrontendPorts), ct);
        if (!result.Succeeded) return run.Fail(node, $"reading facts failed (exit {result.ExitCode}): {ScriptOutput.Tail(result.StandardError)}");
        node.Facts = FactParser.Parse(result.StandardOutput);
        return true;
    }
}
