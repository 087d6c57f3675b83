using Renci.SshNet;

namespace HaLbDeploy.Ssh;

/// <summary>The authentication methods offered to a node, and a description of them without secrets, for messages.</summary>
public sealed record SshLogin(IReadOnlyList<AuthenticationMethod> Methods, string Description);
