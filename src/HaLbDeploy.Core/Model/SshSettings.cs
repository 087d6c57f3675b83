namespace HaLbDeploy.Core.Model;

/// <summary>How to reach and become root on a node. Secrets are named by environment variable, read at connect time.</summary>
/// <param name="Agent">Use the SSH agent (SSH_AUTH_SOCK): true, false, or null for "when SSH_AUTH_SOCK is set and no key is configured".</param>
/// <param name="IdentitiesOnly">Offer only agent keys whose public key is that of a key file named here (`KEY.pub`), as ssh's IdentitiesOnly.</param>
/// <param name="CertificatePath">An OpenSSH user certificate for the private key; null: `KEY-cert.pub` beside the key when it exists.</param>
/// <param name="HostName">The address SSH connects to when it is not the node's address (ssh_config HostName).</param>
/// <param name="ProxyJump">The bastions on the way, first dialled first (`ssh.proxy_jump` or ssh_config ProxyJump); null or empty: connect directly.</param>
/// <param name="Kex">Which key exchange is offered first (`ssh.kex`): the post-quantum hybrids by default.</param>
/// <param name="SshConfigOrigin">Where ssh_config settings for this node came from (file:line of each Host block), for messages; null when none applied.</param>
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
    string? HostKeyFingerprint,
    bool? Agent = null,
    bool IdentitiesOnly = false,
    string? CertificatePath = null,
    string? HostName = null,
    IReadOnlyList<SshHop>? ProxyJump = null,
    string? SshConfigOrigin = null,
    KeyExchangePreference Kex = KeyExchangePreference.PostQuantum);
