namespace HaLbDeploy.Ssh.Agent;

/// <summary>The agent's socket could not be reached, or stopped answering.</summary>
public sealed class SshAgentUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
