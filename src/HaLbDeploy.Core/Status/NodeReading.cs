using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Status;

/// <summary>What <see cref="TierStatusScript"/> read on one node in its one round trip.</summary>
/// <param name="Status">Units, VIP, link and haproxy's servers, as verify reads them.</param>
/// <param name="Clock">The node's clock when it was read; null when unknown (unreachable, no date).</param>
/// <param name="Transitions">The transition log, oldest first; empty when there is none yet.</param>
/// <param name="LogFound">Whether the node has a transition log at all (false before the first apply with the notify script).</param>
/// <param name="Frontends">Each haproxy frontend and its current sessions.</param>
public sealed record NodeReading(
    NodeStatus Status,
    DateTimeOffset? Clock,
    IReadOnlyList<VrrpTransition> Transitions,
    bool LogFound,
    IReadOnlyList<(string Frontend, long? CurrentSessions)> Frontends)
{
    public static NodeReading Unreachable(string node, string error) => new(NodeStatus.Unreachable(node, error), null, [], false, []);
}
