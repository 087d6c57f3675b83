using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests;

/// <summary>Connector behaviour that needs no SSH server: only loopback is touched.</summary>
/// <remarks>Its connects raise the pool's minimum (<see cref="PoolThreadReserve"/>), which its own tests read.</remarks>
[Collection(PoolThreadReserveTests.Collection)]
public sealed class SshHostConnectorTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private LbNode LoopbackNode(int port)
    {
        var key = dir.File("id_ed25519");
        if (!File.Exists(key)) ExternalTool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        return TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = key, Port = port, KnownHostsPath = dir.File("known_hosts") }) with
        {
            Address = IPAddress.Loopback,
        };
    }

    [Fact]
    public async Task A_refused_connection_is_tried_three_times_then_reported_with_the_address()
    {
        var port = ClosedLoopbackPort();
        var log = new CollectingSink();
        var connector = new SshHostConnector(new SshConnectorOptions
        {
            ConnectRetry = new SshRetryOptions(3, TimeSpan.FromMilliseconds(1), UseJitter: false),
            Logger = log.CreateLogger(),
        });

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => connector.ConnectAsync(LoopbackNode(port), CancellationToken.None));

        Assert.Equal($"lb1: cannot connect to [127.0.0.1]:{port} (tried 3 times): connection refused (is sshd listening on port {port}?)", fault.Message);
        Assert.Equal(2, log.Messages.Count(m => m.Contains("connect attempt")));
    }

    [Fact]
    public async Task A_missing_secret_variable_fails_before_any_connection_is_tried()
    {
        var node = LoopbackNode(ClosedLoopbackPort());
        node = node with { Ssh = node.Ssh with { PasswordEnv = "HALB_TEST_UNSET_VARIABLE_7" } };
        var connector = new SshHostConnector(new SshConnectorOptions { Environment = new FakeEnvironment() });

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => connector.ConnectAsync(node, CancellationToken.None));

        Assert.Contains("environment variable HALB_TEST_UNSET_VARIABLE_7 is not set", fault.Message);
    }

    [Fact]
    public async Task A_silent_server_runs_into_the_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var node = LoopbackNode(((IPEndPoint)silent.LocalEndpoint).Port);
        node = node with { Ssh = node.Ssh with { ConnectTimeout = new Duration(300) } };
        var connector = new SshHostConnector(new SshConnectorOptions { ConnectRetry = SshRetryOptions.None });

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => connector.ConnectAsync(node, CancellationToken.None));

        Assert.EndsWith("no answer within 300ms", fault.Message);
    }
}
