using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Runtime.Phases;

namespace HaLbDeploy.Runtime.Apply.Phases;

/// <summary>Reads every node's facts, one script per node, and how far the node's clock is from ours; a retired node's with every file halb-deploy may have left there.</summary>
internal sealed class FactsPhase(ApplyRun run) : IPhase
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var members = ReadAsync(run.Nodes, cancellationToken);
        var retired = run.RetiredRunner.ForEachAsync(run.Retired, "facts", ReadRetiredAsync, cancellationToken);
        return await members & await retired;
    }

    /// <summary>Reads these nodes' facts (again, after installing packages).</summary>
    public Task<bool> ReadAsync(IReadOnlyList<NodeContext> nodes, CancellationToken cancellationToken) =>
        run.Runner.ForEachAsync(nodes, "facts", ReadNodeAsync, cancellationToken);

    private async Task<bool> ReadNodeAsync(NodeContext node, CancellationToken ct)
    {
        // The record of our package holds is not rendered: its existence alone tells whether a pin's hold may need releasing.
        // The files rendered only for some inventories or facts (the fast profile's drop-in) are read whatever this
        // render holds: the fast profile renders them again from these facts, and another profile removes them.
        var script = FactScript.Build(MemberPaths(node), run.Inventory.FrontendPorts);
        var sent = run.Time.GetUtcNow();
        var result = await node.Session!.ReadAsync(FactScript.Description, script, ct);
        var received = run.Time.GetUtcNow();
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
