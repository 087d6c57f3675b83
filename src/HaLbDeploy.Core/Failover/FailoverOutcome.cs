namespace HaLbDeploy.Core.Failover;

public enum FailoverOutcome
{
    /// <summary>Every measurement was within its bound and verify was healthy afterwards.</summary>
    Passed,

    /// <summary>A measurement was out of bounds, the VIP went wrong, or verify was unhealthy afterwards.</summary>
    Failed,

    /// <summary>The tier was not healthy before the test (or not reachable): no fault was injected.</summary>
    PreconditionFailed,

    /// <summary>Ctrl+C or SIGTERM: the node was restored and the test stopped.</summary>
    Interrupted,
}
