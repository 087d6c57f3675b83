using Renci.SshNet;

namespace HaLbDeploy.Ssh;

/// <summary>
/// A TCP port on 127.0.0.1 (chosen by the system) whose connections the bastion's SSH client carries on to
/// host:port as direct-tcpip channels: SSH.NET cannot take a stream of our own, so the next hop's client connects
/// here. Disposing stops the forward and hands the bastion connection back to its <see cref="SshBastionPool"/>.
/// </summary>
public sealed class SshBastionTunnel : IDisposable
{
    private readonly SshClient bastion;
    private readonly ForwardedPortLocal forward;
    private readonly Action release;
    private readonly IDisposable threads;
    private int disposed;

    private SshBastionTunnel(SshClient bastion, ForwardedPortLocal forward, Action release, IDisposable threads)
    {
        this.bastion = bastion;
        this.forward = forward;
        this.release = release;
        this.threads = threads;
    }

    public int LocalPort => (int)forward.BoundPort;

    /// <param name="threads">Pool threads this forward's connections may block (<see cref="PoolThreadReserve"/>).</param>
    internal static SshBastionTunnel Open(SshClient bastion, string host, int port, int threads, Action release)
    {
        var forward = new ForwardedPortLocal("127.0.0.1", 0, host, (uint)port);
        var held = PoolThreadReserve.Hold(threads);
        try
        {
            bastion.AddForwardedPort(forward);
            forward.Start();
            return new SshBastionTunnel(bastion, forward, release, held);
        }
        catch
        {
            forward.Dispose();
            held.Dispose();
            release();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        try
        {
            if (forward.IsStarted) forward.Stop();
            if (bastion.IsConnected) bastion.RemoveForwardedPort(forward);
        }
        catch (Exception)
        {
            // The bastion connection may be gone already; the forward goes with it.
        }
        forward.Dispose();
        threads.Dispose();
        release();
    }
}
