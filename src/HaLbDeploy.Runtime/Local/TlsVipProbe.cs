using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Runtime.Local;

/// <summary>
/// A fresh TCP connection to VIP:port, a TLS handshake without certificate validation (this probe only ever talks
/// to the VIP; it asks whether the path works, clients verify the API server themselves), and one HTTP/1.1 GET of
/// the readiness path with "Connection: close". Only the status line is read. Each probe is bounded by its timeout.
/// With <paramref name="connectTo"/> (a forward through an SSH host, `--probe-from`) the TCP connection goes there
/// and the host at the far end opens the one to the VIP; TLS and HTTP are still end to end with the VIP.
/// </summary>
public sealed class TlsVipProbe(IPAddress vip, int port, string path, TimeSpan timeout, IPEndPoint? connectTo = null, string? from = null) : IVipProbe
{
    public string Target => $"https://{(vip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{vip}]" : vip.ToString())}:{port.ToString(CultureInfo.InvariantCulture)}{path}{(from is null ? "" : $" (probed from {from})")}";

    public async Task<VipProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var socket = new Socket((connectTo?.Address ?? vip).AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        TimeSpan? connectTime = null;
        var stage = "connect";
        try
        {
            await socket.ConnectAsync(connectTo ?? new IPEndPoint(vip, port), limit.Token);
            connectTime = clock.Elapsed;
            stage = "tls";
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await using var tls = new SslStream(stream, leaveInnerStreamOpen: true);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = vip.ToString(),
                RemoteCertificateValidationCallback = static (_, _, _, _) => true,
            }, limit.Token);
            stage = "http";
            var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {vip}\r\nUser-Agent: halb-deploy\r\nAccept: */*\r\nConnection: close\r\n\r\n");
            await tls.WriteAsync(request, limit.Token);
            var statusLine = await ReadStatusLineAsync(tls, limit.Token);
            var status = ParseStatus(statusLine);
            return status is null
                ? new VipProbeResult(true, true, null, $"http: no status line ({(statusLine.Length == 0 ? "connection closed" : statusLine)})", connectTime, clock.Elapsed)
                : new VipProbeResult(true, true, status, null, connectTime, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"{stage}: timed out after {timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            var reason = e is SocketException s ? Describe(s.SocketErrorCode) : e.GetBaseException().Message;
            return Failed($"{stage}: {reason}");
        }

        VipProbeResult Failed(string failure) =>
            new(connectTime is not null, stage == "http", null, failure, connectTime, clock.Elapsed);
    }

    /// <summary>"HTTP/1.1 200 OK" → 200.</summary>
    internal static int? ParseStatus(string statusLine)
    {
        var words = statusLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[0].StartsWith("HTTP/", StringComparison.Ordinal)) return null;
        return int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 999 ? code : null;
    }

    private static async Task<string> ReadStatusLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0) break;
            length += read;
            var end = Array.IndexOf(buffer, (byte)'\n', 0, length);
            if (end >= 0) return Encoding.ASCII.GetString(buffer, 0, end).TrimEnd('\r');
        }
        return Encoding.ASCII.GetString(buffer, 0, length).TrimEnd('\r', '\n');
    }

    internal static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.TimedOut => "timed out",
        _ => error.ToString(),
    };
}
