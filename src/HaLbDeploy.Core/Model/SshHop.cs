namespace HaLbDeploy.Core.Model;

/// <summary>
/// One bastion on the way to a node (`ssh.proxy_jump`, or ProxyJump from ssh_config). A null setting is the node's
/// own (user, key, agent, known_hosts, host key policy); the host key of a hop is checked like a node's.
/// </summary>
/// <param name="Host">The bastion's address or DNS name, as it is dialled and looked up in known_hosts.</param>
/// <param name="HostKeyFingerprint">A pinned SHA256 fingerprint for this hop only (never the node's).</param>
public sealed record SshHop(
    string Host,
    int Port,
    string? User = null,
    string? PrivateKeyPath = null,
    bool? Agent = null,
    string? KnownHostsPath = null,
    HostKeyPolicy? HostKeyPolicy = null,
    string? HostKeyFingerprint = null)
{
    /// <summary>`[user@]host[:port]`, as ssh writes a hop.</summary>
    public override string ToString() => $"{(User is null ? "" : User + "@")}{Host}{(Port == 22 ? "" : ":" + Port)}";

    /// <summary>The node settings this hop is dialled with: its own values over the node's, no further jump, no sudo.</summary>
    public SshSettings SettingsFrom(SshSettings node, IReadOnlyList<SshHop> before) => node with
    {
        User = User ?? node.User,
        Port = Port,
        PrivateKeyPath = PrivateKeyPath ?? node.PrivateKeyPath,
        CertificatePath = PrivateKeyPath is null ? node.CertificatePath : null,
        Agent = Agent ?? node.Agent,
        KnownHostsPath = KnownHostsPath ?? node.KnownHostsPath,
        HostKeyPolicy = HostKeyPolicy ?? node.HostKeyPolicy,
        HostKeyFingerprint = HostKeyFingerprint,
        HostName = Host,
        Become = false,
        ProxyJump = before,
    };
}
