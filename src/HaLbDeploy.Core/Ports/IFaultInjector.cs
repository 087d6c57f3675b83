using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Core.Ports;

/// <summary>Causes the fault on the node and undoes it. Never throws for a failed action: the record says so.</summary>
public interface IFaultInjector
{
    /// <summary>The node's own SSH session does not survive the fault (its link or power is gone).</summary>
    bool CutsTheNodeOff { get; }

    /// <summary>Readies the fault without causing it, before measuring starts; null when there is nothing to ready. Undone by the restore.</summary>
    Task<FaultActionRecord?> PrepareAsync(CancellationToken cancellationToken);

    Task<FaultActionRecord> InjectAsync(CancellationToken cancellationToken);

    /// <summary>Safe to call when the fault never happened or happened only in part.</summary>
    Task<FaultActionRecord> RestoreAsync(CancellationToken cancellationToken);
}
