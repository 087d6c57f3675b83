using Renci.SshNet.Security;

namespace HaLbDeploy.Ssh.Agent;

/// <summary>
/// A key held by the agent, as SSH.NET's public key authentication sees it: <see cref="HostAlgorithm.Data"/> is the
/// public key blob and <see cref="Sign"/> asks the agent. Verifying is never needed on the client side.
/// </summary>
public sealed class SshAgentKey(SshAgentClient agent, SshAgentIdentity identity, string algorithm) : HostAlgorithm(algorithm)
{
    public SshAgentIdentity Identity { get; } = identity;

    public override byte[] Data => Identity.KeyBlob.ToArray();

    public override byte[] Sign(byte[] data) => agent.Sign(Identity, data, Name);

    public override bool VerifySignature(byte[] data, byte[] signature) =>
        throw new NotSupportedException("an agent key only signs; host keys are verified by SSH.NET's own algorithms");
}
