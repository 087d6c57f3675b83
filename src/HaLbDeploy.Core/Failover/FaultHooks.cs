namespace HaLbDeploy.Core.Failover;

/// <summary>
/// Out-of-band commands, run on the control host, that cause and undo a fault the node cannot undo itself (its
/// link or its power). {node} and {address} are replaced by the node's name and address, shell-quoted.
/// </summary>
public sealed record FaultHooks(string FaultCommand, string RestoreCommand);
