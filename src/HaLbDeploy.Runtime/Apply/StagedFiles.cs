using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>Files staged next to the live ones (PATH.halb-new) on nodes that will not be activated now.</summary>
internal static class StagedFiles
{
    /// <summary>
    /// Removes them from every node of <paramref name="nodes"/> that has some: after a node rejected its files, a
    /// stopped rollout or an interruption. Not cancellable: a Ctrl+C is what may have brought us here.
    /// </summary>
    public static async Task DiscardAsync(IEnumerable<NodeContext> nodes)
    {
        foreach (var node in nodes.Where(n => n.Staged && n.Session is not null))
        {
            await node.Session!.ChangeAsync("discard staged files", NodeScripts.Discard(node.FilesToStage), CancellationToken.None);
            node.Staged = false;
        }
    }
}
