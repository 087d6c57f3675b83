namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>Everything the host key decision depends on.</summary>
/// <param name="PinnedFingerprint">From the inventory (host_key_fingerprint); when set, known_hosts is not consulted.</param>
/// <param name="PinnedOrigin">Where the pin came from, for messages, e.g. "host_key_fingerprint".</param>
/// <param name="Now">For the validity window of host certificates; null: the system clock.</param>
/// <param name="AcceptNew">Accept (and record) a key for a host known_hosts has no key of that type for.</param>
public sealed record HostKeyCheck(
    string Host,
    int Port,
    PresentedHostKey Presented,
    KnownHostsFile KnownHosts,
    bool AcceptNew,
    string? PinnedFingerprint = null,
    string PinnedOrigin = "host_key_fingerprint",
    DateTimeOffset? Now = null);
