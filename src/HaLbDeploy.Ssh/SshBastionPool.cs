using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using Renci.SshNet;

namespace HaLbDeploy.Ssh;

/// <summary>
/// One SSH connection per bastion (per chain of hops and the settings it is dialled with), shared by every node
/// behind it: the first node to need it dials it, the others wait for that one dial, and each node then opens its
/// own forward on it, so nodes stay parallel. A bastion whose dial failed is not dialled again while nodes still
/// wait on it (every node gets the same answer); the connection closes when the last node's tunnel closes.
/// </summary>
internal sealed class SshBastionPool(SshConnectorOptions options)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private sealed class Entry(Task<(SshClient Client, IDisposable? Tunnel)> client)
    {
        public Task<(SshClient Client, IDisposable? Tunnel)> Client { get; } = client;
        public int Users { get; set; }
        public bool IsBroken => Client.IsCompletedSuccessfully && !Client.Result.Client.IsConnected;
    }

    /// <summary>How many bastion connections this run opened (for tests and the debug log).</summary>
    public int Dials { get; private set; }

    /// <summary>
    /// A tunnel through the last hop of <paramref name="node"/>'s chain to host:port, whose connections may block up
    /// to <paramref name="threads"/> pool threads (<see cref="PoolThreadReserve"/>).
    /// </summary>
    public async Task<SshBastionTunnel> OpenTunnelAsync(LbNode node, string host, int port, int threads, CancellationToken cancellationToken)
    {
        var chain = node.Ssh.ProxyJump!;
        var bastion = BastionNode(node, chain);
        var key = string.Join(" -> ", chain.Select((hop, i) => hop.SettingsFrom(node.Ssh, []).ToString()));
        Entry entry;
        lock (gate)
        {
            if (!entries.TryGetValue(key, out entry!) || entry.IsBroken)
            {
                entry = new Entry(DialAsync(bastion));
                entries[key] = entry;
                Dials++;
            }
            entry.Users++;
        }
        SshClient client;
        try
        {
            (client, _) = await entry.Client.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry);
            throw;
        }
        return SshBastionTunnel.Open(client, host, port, threads, () => Release(key, entry));
    }

    /// <summary>The last hop as a node of its own: dialled, host-key checked and logged in like one, through the hops before it.</summary>
    public static LbNode BastionNode(LbNode node, IReadOnlyList<SshHop> chain) =>
        new($"bastion {chain[^1]}", IPAddress.None, 0, "", VrrpInitialState.Backup, chain[^1].SettingsFrom(node.Ssh, chain.Take(chain.Count - 1).ToList()));

    private async Task<(SshClient, IDisposable?)> DialAsync(LbNode bastion)
    {
        await Task.Yield();
        var credentials = SshCredentialReader.Read(bastion, options.Environment);
        var login = SshLoginBuilder.Build(bastion, credentials, options.Environment, options.AgentTransport);
        // Not one node's token: the dial is shared; the connect timeout and retries bound it.
        var dialled = await new SshNodeDialer(bastion, login, options, this).DialClientAsync(CancellationToken.None);
        (options.Logger ?? Serilog.Log.Logger).Debug("{Bastion:l}: connected as {User:l}; this connection carries every node behind it", bastion.Name, bastion.Ssh.User);
        return dialled;
    }

    private void Release(string key, Entry entry)
    {
        lock (gate)
        {
            if (--entry.Users > 0) return;
            if (entries.TryGetValue(key, out var current) && current == entry) entries.Remove(key);
        }
        if (entry.Client.IsCompletedSuccessfully) new SshClientShell(entry.Client.Result.Client, entry.Client.Result.Tunnel).Dispose();
    }
}
