namespace HaLbDeploy.Core.Planning;

/// <summary>How apply activates the new configuration across the tier.</summary>
public enum RolloutStrategy
{
    /// <summary>Old and new nodes still hear each other: one node at a time, the VIP holder last.</summary>
    Rolling,

    /// <summary>
    /// The change makes old and new nodes strangers (another VRRP group): staged everywhere, then a coordinated
    /// cutover with a bounded gap, see docs/operations.md.
    /// </summary>
    IdentityCutover,
}
