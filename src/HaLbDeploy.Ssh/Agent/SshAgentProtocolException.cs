namespace HaLbDeploy.Ssh.Agent;

/// <summary>The agent answered something that is not the OpenSSH agent protocol, or failed a request.</summary>
public sealed class SshAgentProtocolException(string message) : Exception(message);
