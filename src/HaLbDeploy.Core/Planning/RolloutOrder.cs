using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// The order in which nodes are changed, one at a time: nodes without the VIP first, lowest priority first (the
/// least likely to take the VIP), and the VIP holder(s) last, so the VIP moves at most once per rollout.
/// </summary>
public static class RolloutOrder
{
    public static IReadOnlyList<LbNode> For(IEnumerable<LbNode> nodes, Func<LbNode, bool> holdsVip) =>
        nodes.OrderBy(holdsVip)
            .ThenBy(n => n.Priority)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
}
