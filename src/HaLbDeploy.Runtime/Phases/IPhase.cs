namespace HaLbDeploy.Runtime.Phases;

/// <summary>One named stage of a run over nodes (connect, facts, ..., rollout); the run goes through its phases in order.</summary>
public interface IPhase
{
    /// <returns>Whether the run goes on with the next phase; false when it must stop here, e.g. because a node failed.</returns>
    Task<bool> RunAsync(CancellationToken cancellationToken);
}
