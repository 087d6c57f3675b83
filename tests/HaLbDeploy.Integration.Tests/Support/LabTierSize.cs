using System.Text;
using HaLbDeploy.Integration.Tests.Lab;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>
/// The LB nodes of a lab brought up with another size (`HALB_LAB_UP_ARGS="--nodes N"`, and the same N in
/// HALB_LAB_TIER_NODES for the tests; 3 without it): lb1..lbN at 10.211.0.11.., priorities 100, 90, ... as
/// `lab/lab inventory --nodes N` writes them.
/// </summary>
public static class LabTierSize
{
    public static int NodeCount =>
        int.TryParse(Environment.GetEnvironmentVariable("HALB_LAB_TIER_NODES"), out var n) && n is >= 2 and <= 9 ? n : 3;

    public static IReadOnlyList<LabHost> Nodes =>
        Enumerable.Range(1, NodeCount).Select(k => new LabHost($"lb{k}", $"10.211.0.{10 + k}")).ToList();

    /// <summary>inventory/lab.yaml with its nodes list for this size, then the edits.</summary>
    public static string InventoryText(params (string Find, string Replace)[] edits)
    {
        var text = LabInventory.Text;
        var start = text.IndexOf("nodes:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\nfrontend:", StringComparison.Ordinal);
        var nodes = new StringBuilder("nodes:\n");
        foreach (var (host, k) in Nodes.Select((h, k) => (h, k)))
            nodes.Append($"  - name: {host.Name}\n    address: {host.Address}\n    priority: {100 - 10 * k}\n");
        text = text[..start] + nodes + text[end..];
        foreach (var (find, replace) in edits)
        {
            Assert.True(text.Contains(find, StringComparison.Ordinal), $"'{find}' is not in inventory/lab.yaml");
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>The names of this tier's nodes that carry the address now.</summary>
    public static async Task<IReadOnlyList<string>> HoldersAsync(string address)
    {
        var outputs = await Task.WhenAll(Nodes.Select(async n =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            using var client = await LabSsh.ConnectWithKeyAsync(n, "root", timeout.Token);
            var (_, output, _) = await LabSsh.RunAsync(client, $"ip -o -4 addr show | grep -c ' {address}/' || true", TimeSpan.FromSeconds(30), timeout.Token);
            return output;
        }));
        return Nodes.Where((_, i) => outputs[i].Trim() != "0").Select(n => n.Name).ToList();
    }
}
