using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using HaLbDeploy.Integration.Tests.Lab;

namespace HaLbDeploy.Integration.Tests.Drain;

/// <summary>
/// Which lab API server answers a new connection through one haproxy (the VIP or an LB node's own address): the fake
/// API server names itself in X-Halb-Lab-Server. Each ask is a new TCP+TLS connection, so haproxy picks a server anew.
/// </summary>
public static class ApiServerAnswers
{
    /// <summary>The servers that answered <paramref name="count"/> new connections to <paramref name="address"/>:6443, in order.</summary>
    public static async Task<IReadOnlyList<string>> AskAsync(string address, int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await using var connection = await HeldConnection.OpenAsync(address);
            names.Add(connection.Server);
        }
        return names;
    }

    /// <summary>A TLS connection through haproxy to an API server, kept open (a session haproxy counts) until disposed.</summary>
    public sealed class HeldConnection : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly SslStream _tls;

        private HeldConnection(TcpClient tcp, SslStream tls, string server) => (_tcp, _tls, Server) = (tcp, tls, server);

        /// <summary>The API server behind this connection.</summary>
        public string Server { get; }

        /// <summary>Connects, sends one keep-alive GET / and reads which server answered; the connection stays open.</summary>
        public static async Task<HeldConnection> OpenAsync(string address)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var tcp = new TcpClient();
            await tcp.ConnectAsync(address, LabFacts.ApiPort, timeout.Token);
            var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true); // the lab's self-signed certificate
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "halb-lab" }, timeout.Token);
            await tls.WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {address}\r\n\r\n"), timeout.Token);
            var answer = new StringBuilder();
            var buffer = new byte[4096];
            while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await tls.ReadAsync(buffer, timeout.Token);
                Assert.True(read > 0, $"{address}: the connection closed before the answer's headers ({answer})");
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            var header = answer.ToString().Split("\r\n").FirstOrDefault(l => l.StartsWith("X-Halb-Lab-Server:", StringComparison.OrdinalIgnoreCase));
            Assert.True(header is not null, $"{address}: no X-Halb-Lab-Server header in: {answer}");
            return new HeldConnection(tcp, tls, header["X-Halb-Lab-Server:".Length..].Trim());
        }

        public async ValueTask DisposeAsync()
        {
            await _tls.DisposeAsync();
            _tcp.Dispose();
        }
    }
}
