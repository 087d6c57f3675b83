namespace HaLbDeploy.Ssh.HostKeys;

public enum HostKeyVerdict
{
    /// <summary>The key matches the fingerprint pinned in the inventory.</summary>
    TrustedPinned,

    /// <summary>known_hosts holds this exact key for the host.</summary>
    TrustedKnown,

    /// <summary>The host had no key of this type; accept-new allows it and the key is to be recorded.</summary>
    TrustedNew,

    /// <summary>A host certificate signed by a CA a @cert-authority line trusts for the host, valid now and for this host.</summary>
    TrustedCertificate,

    /// <summary>A host certificate that no trusted CA signed, or that is expired, not yet valid, or for other hosts.</summary>
    RefusedCertificate,

    /// <summary>A fingerprint is pinned and the key does not match it.</summary>
    RefusedPinnedMismatch,

    /// <summary>known_hosts holds a different key of the same type for the host.</summary>
    RefusedChanged,

    /// <summary>known_hosts has no key of this type for the host and the policy is strict.</summary>
    RefusedUnknown,

    /// <summary>The key is marked @revoked in known_hosts.</summary>
    RefusedRevoked,
}
