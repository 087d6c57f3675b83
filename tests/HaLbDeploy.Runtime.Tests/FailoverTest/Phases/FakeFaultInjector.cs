using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Tests.FailoverTest.Phases;

/// <summary>Answers with the records it is given and notes each call with the token it got.</summary>
public sealed class FakeFaultInjector : IFaultInjector
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public bool CutsTheNodeOff { get; init; }

    public FaultActionRecord? Prepared { get; init; }

    public FaultActionRecord Restored { get; init; } = Record("systemctl start keepalived.service");

    public List<(string Action, CancellationToken Token)> Calls { get; } = [];

    public static FaultActionRecord Record(string description, bool succeeded = true) =>
        new(description, T0, T0 + TimeSpan.FromMilliseconds(40), succeeded, succeeded ? "" : "exit 1: it broke");

    public Task<FaultActionRecord?> PrepareAsync(CancellationToken cancellationToken)
    {
        Calls.Add(("prepare", cancellationToken));
        return Task.FromResult(Prepared);
    }

    public Task<FaultActionRecord> InjectAsync(CancellationToken cancellationToken)
    {
        Calls.Add(("fault", cancellationToken));
        return Task.FromResult(Record("systemctl stop keepalived.service"));
    }

    public Task<FaultActionRecord> RestoreAsync(CancellationToken cancellationToken)
    {
        Calls.Add(("restore", cancellationToken));
        return Task.FromResult(Restored);
    }
}
