using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Runtime.Local;

/// <summary>
/// A fresh TCP connection to VIP:port, closed at once: for frontends whose servers speak something verify does not
/// (a tcp or http check). It shows that the VIP holder's haproxy listens on the port; the servers' health comes from
/// haproxy's stats. With <paramref name="connectTo"/> (a forward through an SSH host) the far end opens the connection.
/// </summary>
public sealed class TcpVipProbe(IPAddress vip, int port, TimeSpan timeout, IPEndPoint? connectTo = null, string? from = null) : IVipProbe
{
    public string Target => $"tcp://{vip}:{port.ToString(CultureInfo.InvariantCulture)}{(from is null ? "" : $" (probed from {from})")}";

    public async Task<VipProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var socket = new Socket((connectTo?.Address ?? vip).AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(connectTo ?? new IPEndPoint(vip, port), limit.Token);
            return new VipProbeResult(true, false, null, null, clock.Elapsed, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new VipProbeResult(false, false, null, $"connect: timed out after {timeout.TotalMilliseconds:0} ms", null, clock.Elapsed);
        }
        catch (SocketException e)
        {
            return new VipProbeResult(false, false, null, $"connect: {TlsVipProbe.Describe(e.SocketErrorCode)}", null, clock.Elapsed);
        }
    }
}
