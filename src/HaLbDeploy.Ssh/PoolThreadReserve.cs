namespace HaLbDeploy.Ssh;

/// <summary>
/// Thread-pool threads set aside for what SSH.NET blocks them with: connects, and local forwards.
/// <para>
/// A connect: <c>SshClient.ConnectAsync</c> still waits synchronously on a pool thread for parts of the handshake, so
/// on a 2-core host (2 ready threads) the third of three parallel connects waited for a free thread: in logged
/// no-change runs lb1 and lb2 connected at once and lb3 started only when they were done (~110 ms later), and with a
/// raised minimum all three connected side by side. Each connect holds <see cref="Connect"/> threads while it runs.
/// </para>
/// <para>
/// A forward: <c>ForwardedPortLocal</c> serves each accepted
/// connection on the pool thread that completed the accept, and blocks it: first until the bastion confirms the
/// direct-tcpip channel (until its own connect to the far end succeeds or fails), then for the channel's whole life
/// (a synchronous read loop), then until the channel's close is confirmed. Every node behind a bastion thus holds one
/// pool thread for the run, and every probe through a `--probe-from` forward one more while the bastion is still
/// connecting to a VIP nobody holds. On a 2-core host the pool keeps only 2 threads ready and adds one about every
/// half second when all are blocked, so the rest of the run (node samplers, SFTP, timers) stalls behind them: that,
/// not the shared bastion connection, held up the failover-test samplers and doubled a no-change apply through a
/// bastion. Raising the pool's minimum by what the open forwards can block lets it start those threads at once;
/// the minimum only allows threads, it does not create idle ones.
/// </para>
/// </summary>
public static class PoolThreadReserve
{
    /// <summary>A connect under way: the thread its handshake waits on, and one for the session's own work meanwhile.</summary>
    public const int Connect = 2;

    /// <summary>A forward that carries one node's SSH connection: its channel, and one more while a retry reconnects.</summary>
    public const int NodeForward = 2;

    /// <summary>
    /// A forward that carries VIP probes: one every 50 ms, each of which can block a thread until the bastion gives
    /// up connecting to a VIP without a holder (an ARP resolution of about 3 s on the segment), so about 60 at once.
    /// </summary>
    public const int ProbeForward = 64;

    private static readonly Lock Gate = new();
    private static int reserved;
    private static int baseWorkers = -1;
    private static int baseCompletion;

    /// <summary>Raises the pool's minimum worker threads by <paramref name="threads"/> until the result is disposed.</summary>
    public static IDisposable Hold(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        lock (Gate)
        {
            if (baseWorkers < 0) ThreadPool.GetMinThreads(out baseWorkers, out baseCompletion);
            reserved += threads;
            Apply();
        }
        return new Release(threads);
    }

    /// <summary>The pool's minimum worker threads now held, over what the pool had before.</summary>
    public static int Reserved
    {
        get { lock (Gate) return reserved; }
    }

    private static void Apply() => ThreadPool.SetMinThreads(baseWorkers + reserved, baseCompletion);

    private sealed class Release(int threads) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 1) return;
            lock (Gate)
            {
                reserved -= threads;
                Apply();
            }
        }
    }
}
