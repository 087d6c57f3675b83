using System.Diagnostics;
using System.Net.Sockets;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>
/// Opens a TCP connection to the VIP every <see cref="Interval"/> until stopped, counting failures. Bounded: it
/// stops by itself after <see cref="MaxDuration"/>, and only ever connects to the lab VIP.
/// </summary>
public sealed class VipProber
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(3);

    private readonly CancellationTokenSource _stop = new(MaxDuration);
    private readonly Task _loop;
    private int _attempts;
    private int _failures;
    private readonly List<string> _errors = [];

    public VipProber(string address, int port)
    {
        _loop = Task.Run(() => LoopAsync(address, port));
    }

    public int Attempts => _attempts;

    public int Failures => _failures;

    public IReadOnlyList<string> Errors => _errors;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    private async Task LoopAsync(string address, int port)
    {
        var clock = Stopwatch.StartNew();
        while (!_stop.IsCancellationRequested)
        {
            var started = clock.Elapsed;
            var error = await TryConnectAsync(address, port);
            if (error is not null && _stop.IsCancellationRequested) break;
            Interlocked.Increment(ref _attempts);
            if (error is not null)
            {
                Interlocked.Increment(ref _failures);
                lock (_errors) _errors.Add($"{clock.Elapsed.TotalSeconds:0.000}s: {error}");
            }
            var wait = Interval - (clock.Elapsed - started);
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, _stop.Token); } catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>One TCP connection attempt, given up after 1 s: null when it connected, else why not.</summary>
    public static async Task<string?> TryConnectAsync(string address, int port)
    {
        try
        {
            using var client = new TcpClient();
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(address, port, attempt.Token);
            return null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return e.Message;
        }
    }
}
