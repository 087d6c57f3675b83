using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Ports;

/// <summary>Opens one session per node, kept for the whole run. Throws <see cref="HostConnectionException"/>.</summary>
public interface IHostConnector
{
    Task<IHostSession> ConnectAsync(LbNode node, CancellationToken cancellationToken);
}
