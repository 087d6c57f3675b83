namespace HaLbDeploy.Core.Drain;

/// <summary>The answer of drain or undrain: what each node's haproxy reported last, how long the wait took, the verdict.</summary>
/// <param name="State">What was asked: drain or ready (undrain).</param>
/// <param name="Backend">The API server (the inventory's backend name).</param>
/// <param name="Waited">How long drain waited for sessions to end (zero for undrain).</param>
/// <param name="Timeout">The longest drain would wait.</param>
public sealed record DrainReport(ServerAdminState State, string Backend, DrainOutcome Outcome, string Summary, IReadOnlyList<ServerOnNode> Nodes, TimeSpan Waited, TimeSpan Timeout)
{
    /// <summary>Sessions still open to the server over all nodes that reported them.</summary>
    public long SessionsLeft => Nodes.Sum(n => n.Sessions ?? 0);
}
