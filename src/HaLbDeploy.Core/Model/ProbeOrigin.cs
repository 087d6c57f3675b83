using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// The host `--probe-from` names: an LB node of the inventory (reached as the inventory says, its bastions too), or
/// a hop `[user@]host[:port]` (a bastion, dialled with the first node's other SSH settings, no jump of its own).
/// </summary>
public static class ProbeOrigin
{
    /// <summary>The host to dial as a node, or why <paramref name="text"/> names none.</summary>
    public static (LbNode? Host, string? Problem) Resolve(Inventory inventory, string text)
    {
        if (inventory.Nodes.FirstOrDefault(n => n.Name == text) is { } node) return (node, null);
        var (hop, problem) = SshHopSyntax.Parse(text.Trim());
        if (hop is null) return (null, $"--probe-from {text}: neither a node of the inventory ({string.Join(", ", inventory.Nodes.Select(n => n.Name))}) nor a host [user@]host[:port]: {problem}");
        return (new LbNode($"probe host {hop}", IPAddress.None, 0, "", VrrpInitialState.Backup, hop.SettingsFrom(inventory.Nodes[0].Ssh, [])), null);
    }

    /// <summary>The hops that end at <paramref name="host"/>: its own bastions, then itself.</summary>
    public static IReadOnlyList<SshHop> ChainTo(LbNode host)
    {
        var ssh = host.Ssh;
        var self = new SshHop(ssh.HostName ?? host.Address.ToString(), ssh.Port, ssh.User, ssh.PrivateKeyPath, ssh.Agent, ssh.KnownHostsPath, ssh.HostKeyPolicy, ssh.HostKeyFingerprint);
        return [.. ssh.ProxyJump ?? [], self];
    }
}
