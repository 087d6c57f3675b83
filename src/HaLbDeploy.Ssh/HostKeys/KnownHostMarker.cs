namespace HaLbDeploy.Ssh.HostKeys;

public enum KnownHostMarker
{
    /// <summary>An ordinary line: the key is trusted for the hosts it names.</summary>
    None,

    /// <summary>"@revoked": the key must never be accepted.</summary>
    Revoked,

    /// <summary>"@cert-authority": the key is a CA whose host certificates are trusted for the hosts the line names.</summary>
    CertAuthority,
}
