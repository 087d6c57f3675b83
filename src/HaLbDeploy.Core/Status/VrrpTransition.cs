namespace HaLbDeploy.Core.Status;

/// <summary>One line of a node's transition log: keepalived told the notify script that an instance or group changed state.</summary>
/// <param name="At">When, by the node's clock (nanoseconds in the log; kept here to the 100 ns of a DateTimeOffset).</param>
/// <param name="Kind">INSTANCE or GROUP.</param>
/// <param name="Name">The instance or group name, e.g. VI_lab.</param>
/// <param name="State">MASTER, BACKUP, FAULT, STOP or DELETED.</param>
/// <param name="Priority">The priority keepalived reported with it.</param>
public sealed record VrrpTransition(DateTimeOffset At, string Kind, string Name, string State, int Priority)
{
    /// <summary>The node took the VIP.</summary>
    public bool EntersMaster => State == "MASTER";
}
