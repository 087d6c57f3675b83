using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Runtime.Tests.FailoverTest;

namespace HaLbDeploy.Runtime.Tests.Local;

/// <summary>The probe against servers on 127.0.0.1 only.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class TlsVipProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_ready_server_answers_200_through_tls_with_an_untrusted_certificate()
    {
        await using var server = new LoopbackHttpsServer(200);

        var result = await new TlsVipProbe(IPAddress.Loopback, server.Port, "/readyz", Timeout).ProbeAsync(CancellationToken.None);

        Assert.True(result.Serves, result.Describe());
        Assert.Equal((true, true, (int?)200, (string?)null), (result.Connected, result.TlsEstablished, result.HttpStatus, result.Failure));
        Assert.NotNull(result.ConnectTime);
    }

    [Fact]
    public async Task Through_a_forward_it_connects_to_the_forward_and_names_where_the_probes_came_from()
    {
        await using var server = new LoopbackHttpsServer(200);
        var probe = new TlsVipProbe(IPAddress.Parse("10.211.0.100"), 6443, "/readyz", Timeout, new IPEndPoint(IPAddress.Loopback, server.Port), "bastion");

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.Serves, result.Describe());
        Assert.Equal("https://10.211.0.100:6443/readyz (probed from bastion)", probe.Target);
    }

    [Fact]
    public async Task A_server_that_is_not_ready_is_reported_with_its_status()
    {
        await using var server = new LoopbackHttpsServer(500);

        var result = await new TlsVipProbe(IPAddress.Loopback, server.Port, "/readyz", Timeout).ProbeAsync(CancellationToken.None);

        Assert.False(result.Serves);
        Assert.Equal("HTTP 500", result.Describe());
    }

    [Fact]
    public async Task A_closed_port_is_a_refused_connect()
    {
        var port = FreePort();

        var result = await new TlsVipProbe(IPAddress.Loopback, port, "/readyz", Timeout).ProbeAsync(CancellationToken.None);

        Assert.False(result.Connected);
        Assert.Equal("connect: connection refused", result.Failure);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_speaks_tls_times_out_in_the_tls_stage()
    {
        await using var server = new LoopbackHttpsServer(200, speakTls: false);

        var result = await new TlsVipProbe(IPAddress.Loopback, server.Port, "/readyz", TimeSpan.FromMilliseconds(1500)).ProbeAsync(CancellationToken.None);

        Assert.True(result.Connected);
        Assert.False(result.TlsEstablished);
        Assert.Equal("tls: timed out after 1500 ms", result.Failure);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK", 200)]
    [InlineData("HTTP/1.0 503 Service Unavailable", 503)]
    [InlineData("HTTP/2 401", 401)]
    [InlineData("SSH-2.0-OpenSSH_9.2", null)]
    [InlineData("", null)]
    public void The_status_is_read_from_the_status_line(string line, int? status) =>
        Assert.Equal(status, TlsVipProbe.ParseStatus(line));

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
