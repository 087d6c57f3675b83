namespace HaLbDeploy.Core.Drain;

/// <summary>How a drain or undrain ended; each has its exit code (see docs/operations.md).</summary>
public enum DrainOutcome
{
    /// <summary>Every node took the state; for drain, no session was left on the server.</summary>
    Done,

    /// <summary>Drain only: every node took the state, but sessions were still open when the wait timed out.</summary>
    SessionsRemain,

    /// <summary>A node could not be reached or refused the state (the others keep what they took).</summary>
    Failed,

    /// <summary>Ctrl+C or SIGTERM; the nodes keep what they took.</summary>
    Interrupted,
}
