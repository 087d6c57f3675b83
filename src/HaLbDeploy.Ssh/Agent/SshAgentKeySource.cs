using Renci.SshNet;
using Renci.SshNet.Security;

namespace HaLbDeploy.Ssh.Agent;

/// <summary>One agent identity offered to SSH.NET, with one algorithm per signature format it can make.</summary>
public sealed class SshAgentKeySource(SshAgentClient agent, SshAgentIdentity identity) : IPrivateKeySource
{
    public SshAgentIdentity Identity { get; } = identity;

    public IReadOnlyCollection<HostAlgorithm> HostKeyAlgorithms { get; } =
        SshAgentClient.AlgorithmsFor(identity.KeyType).Select(a => (HostAlgorithm)new SshAgentKey(agent, identity, a)).ToList();
}
