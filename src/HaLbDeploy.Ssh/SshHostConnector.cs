using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using Serilog;

namespace HaLbDeploy.Ssh;

/// <summary>
/// Opens one <see cref="SshHostSession"/> per node with SSH.NET. Secrets are read from the environment variables the
/// inventory names, now; a missing one fails the connect with its name (never a value).
/// </summary>
public sealed class SshHostConnector(SshConnectorOptions? options = null) : IHostConnector
{
    private readonly SshConnectorOptions options = options ?? new SshConnectorOptions();

    /// <summary>The bastion connections of this run, shared by the nodes behind each.</summary>
    private SshBastionPool Bastions => LazyInitializer.EnsureInitialized(ref bastions, () => new SshBastionPool(this.options));
    private SshBastionPool? bastions;

    public async Task<IHostSession> ConnectAsync(LbNode node, CancellationToken cancellationToken) =>
        await OpenAsync(node, cancellationToken);

    /// <summary>
    /// A local port whose connections <paramref name="via"/> carries on to host:port (its bastions on the way), for
    /// probing the VIP from there (`--probe-from`); shares the connection with nodes behind the same bastion.
    /// </summary>
    public Task<SshBastionTunnel> ForwardAsync(LbNode via, string host, int port, CancellationToken cancellationToken)
    {
        var probe = via with { Name = $"probe from {via.Name}", Ssh = via.Ssh with { ProxyJump = ProbeOrigin.ChainTo(via) } };
        return Bastions.OpenTunnelAsync(probe, host, port, PoolThreadReserve.ProbeForward, cancellationToken);
    }

    /// <summary>Like <see cref="ConnectAsync"/>, typed as the SSH session.</summary>
    public async Task<SshHostSession> OpenAsync(LbNode node, CancellationToken cancellationToken)
    {
        var credentials = SshCredentialReader.Read(node, options.Environment);
        var login = SshLoginBuilder.Build(node, credentials, options.Environment, options.AgentTransport);
        var dialer = new SshNodeDialer(node, login, options, node.Ssh.ProxyJump is { Count: > 0 } ? Bastions : null);
        var logger = options.Logger ?? Log.Logger;
        var started = options.TimeProvider.GetTimestamp();
        var shell = await dialer.DialAsync(cancellationToken);
        try
        {
            var command = await SudoModeProbe.ChooseAsync(shell, node, credentials.BecomePassword, cancellationToken);
            logger.Debug("{Node:l}: connected as {User:l} in {ElapsedMs} ms; scripts run with '{CommandLine:l}'", node.Name, node.Ssh.User,
                (long)options.TimeProvider.GetElapsedTime(started).TotalMilliseconds, command.CommandLine);
            return new SshHostSession(node.Name, node.Ssh, dialer, shell, command, credentials.BecomePassword, options);
        }
        catch (Exception e) when (e is not (HostConnectionException or OperationCanceledException))
        {
            shell.Dispose();
            throw new HostConnectionException(node.Name, $"checking sudo for user {node.Ssh.User} failed: {e.Message}", e);
        }
        catch
        {
            shell.Dispose();
            throw;
        }
    }
}
