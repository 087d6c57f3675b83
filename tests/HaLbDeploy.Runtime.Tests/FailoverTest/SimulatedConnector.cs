using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>Connects to the nodes of a <see cref="SimulatedTier"/>.</summary>
public sealed class SimulatedConnector(SimulatedTier tier) : IHostConnector
{
    public Task<IHostSession> ConnectAsync(LbNode node, CancellationToken cancellationToken) =>
        Task.FromResult<IHostSession>(new SimulatedSession(node.Name, tier));
}
