namespace HaLbDeploy.Core.Planning;

/// <summary>Which rollout a plan needs, and why: the identity changes found on the nodes, each line safe to print.</summary>
public sealed record RolloutDecision(RolloutStrategy Strategy, IReadOnlyList<string> Reasons)
{
    public static RolloutDecision Rolling { get; } = new(RolloutStrategy.Rolling, []);

    /// <summary>A cutover as soon as one node's VRRP identity changes; the same reason on many nodes is said once.</summary>
    public static RolloutDecision For(IEnumerable<NodePlan> plans)
    {
        var reasons = plans.SelectMany(p => p.IdentityChanges).Distinct(StringComparer.Ordinal).ToList();
        return reasons.Count == 0 ? Rolling : new RolloutDecision(RolloutStrategy.IdentityCutover, reasons);
    }

    public string Name => Strategy == RolloutStrategy.Rolling ? "rolling" : "identity-cutover";

    /// <summary>The plan's line, e.g. "identity cutover (virtual_router_id 51 -> 77): ...".</summary>
    public string Describe() => Strategy == RolloutStrategy.Rolling
        ? "rolling: one node at a time, the VIP holder last (compatible changes)"
        : $"identity cutover ({string.Join("; ", Reasons)}): staged on every node, backups switched together, the holder last";
}
