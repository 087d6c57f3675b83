using HaLbDeploy.Integration.Tests.Lab;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Runs a command as root on a lab node over SSH, independently of the code under test.</summary>
public static class LabNodeShell
{
    public static async Task<string> RunAsync(string node, string command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var client = await LabSsh.ConnectWithKeyAsync(LabFacts.Node(node), "root", timeout.Token);
        var (exit, output, error) = await LabSsh.RunAsync(client, command, TimeSpan.FromMinutes(3), timeout.Token);
        Assert.True(exit == 0, $"{node}: `{command}` exited {exit}: {error}");
        return output;
    }

    public static Task<string[]> RunOnAllAsync(string command) =>
        Task.WhenAll(LabFacts.Nodes.Select(n => RunAsync(n.Name, command)));

    /// <summary>On every node of the lab tier of <see cref="LabTierSize"/>, at once; the outputs in the tier's order.</summary>
    public static Task<string[]> RunOnTierAsync(string command) =>
        Task.WhenAll(LabTierSize.Nodes.Select(n => RunAsync(n.Name, command)));

    /// <summary>The names of the nodes that carry the VIP now.</summary>
    public static async Task<IReadOnlyList<string>> VipHoldersAsync()
    {
        var outputs = await RunOnAllAsync($"ip -o -4 addr show | grep -c ' {LabFacts.Vip}/' || true");
        return LabFacts.Nodes.Where((_, i) => outputs[i].Trim() != "0").Select(n => n.Name).ToList();
    }

    /// <summary>Takes a node back to a fresh image: no keepalived, no haproxy, no configuration.</summary>
    public static Task<string[]> MakeAllFreshAsync() => RunOnAllAsync(
        "systemctl stop keepalived haproxy 2>/dev/null; " +
        "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q keepalived haproxy >/dev/null 2>&1; " +
        "rm -rf /etc/keepalived /etc/haproxy /usr/libexec/keepalived; ip addr del " + LabFacts.Vip + "/24 dev host0 2>/dev/null; true");
}
