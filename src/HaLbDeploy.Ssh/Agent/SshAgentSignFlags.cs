namespace HaLbDeploy.Ssh.Agent;

/// <summary>The flags of SSH_AGENTC_SIGN_REQUEST (draft-miller-ssh-agent §4.5.1).</summary>
[Flags]
public enum SshAgentSignFlags : uint
{
    None = 0,

    /// <summary>Sign an RSA key with rsa-sha2-256 instead of the SHA-1 ssh-rsa.</summary>
    RsaSha2256 = 2,

    /// <summary>Sign an RSA key with rsa-sha2-512.</summary>
    RsaSha2512 = 4,
}
