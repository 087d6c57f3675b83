namespace HaLbDeploy.Core.Failover;

/// <summary>A fault or restore action as it ran: what, when (control-host time), and how it ended.</summary>
/// <param name="Detail">The command's output or error, for the report; never a secret.</param>
public sealed record FaultActionRecord(string Description, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, bool Succeeded, string Detail)
{
    public TimeSpan Duration => CompletedAt - StartedAt;
}
