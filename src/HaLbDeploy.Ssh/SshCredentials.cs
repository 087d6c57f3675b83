using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Ssh;

/// <summary>The secrets a node's SSH settings name, read from the environment at connect time. Each prints as a mask.</summary>
public sealed record SshCredentials(Secret? Password, Secret? PrivateKeyPassphrase, Secret? BecomePassword);
