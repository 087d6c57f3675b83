namespace HaLbDeploy.Core.Planning;

public enum NodeOutcome
{
    /// <summary>Already converged: nothing was (or would be) done.</summary>
    Unchanged,

    /// <summary>apply changed the node and it came back healthy.</summary>
    Changed,

    /// <summary>plan / dry run: changes are pending.</summary>
    Pending,

    /// <summary>The node failed; its old configuration was kept or restored.</summary>
    Failed,

    /// <summary>The run stopped before reaching this node; nothing live was changed on it.</summary>
    Untouched,
}
