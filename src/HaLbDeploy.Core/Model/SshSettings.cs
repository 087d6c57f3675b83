namespace HaLbDeploy.Core.Model;

/// <summary>How to reach and become root on a node. Secrets are named by environment variable, read at connect time.</summary>
public sealed record SshSettings(
    string User,
    int Port,
    string? PrivateKeyPath,
    string? PrivateKeyPassphraseEnv,
    string? PasswordEnv,
    bool Become,
    string? BecomePasswordEnv,
    string KnownHostsPath,
    HostKeyPolicy HostKeyPolicy,
    Duration ConnectTimeout,
    string? HostKeyFingerprint);
