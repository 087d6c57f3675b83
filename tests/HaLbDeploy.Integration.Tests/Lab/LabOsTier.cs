using System.Globalization;
using System.Text;

namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>
/// A tier of the RHEL lab layout (<see cref="LabFacts.RhelLabUpArguments"/>) with its own VIP and virtual router id,
/// so that it never meets the Debian tier (lb1..lb3, 10.211.0.100, router 51) on the shared bridge.
/// </summary>
public sealed record LabOsTier(string Name, IReadOnlyList<LabTierNode> Nodes, string Vip, int VirtualRouterId)
{
    /// <summary>Two EL9-like nodes: dnf, yum, rpm, firewalld.</summary>
    public static readonly LabOsTier El9 = new("el9",
        [new(new("lb5", "10.211.0.15"), LabNodeOs.El9), new(new("lb6", "10.211.0.16"), LabNodeOs.El9)], "10.211.0.101", 61);

    /// <summary>A Debian node and an EL8-like node (yum only, no dnf command).</summary>
    public static readonly LabOsTier Mixed = new("mixed",
        [new(new("lb4", "10.211.0.14"), LabNodeOs.Debian), new(new("lb7", "10.211.0.17"), LabNodeOs.El8)], "10.211.0.102", 62);

    public static LabOsTier Named(string name) => name == El9.Name ? El9 : name == Mixed.Name ? Mixed : throw new ArgumentException(name);

    public LabTierNode First => Nodes[0];

    /// <summary>The tier's inventory: lab.yaml's settings, its own nodes (priorities 100, 90, ...), VIP and router id.</summary>
    public string InventoryText(string vrrpMode = "unicast")
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cluster: halb-lab-{Name}\nvip: {Vip}/24\ninterface: {LabFacts.Interface}\n");
        text.Append(CultureInfo.InvariantCulture, $"virtual_router_id: {VirtualRouterId}\nadvert_int: 1\n\n");
        text.Append(CultureInfo.InvariantCulture, $"vrrp:\n  mode: {vrrpMode}\n  preempt: true\n  auth:\n    secret_file: {LabFacts.VrrpSecretFile}\n");
        text.Append("  health_tracking:\n    weight: 0\n\n");
        text.Append(CultureInfo.InvariantCulture, $"ssh:\n  user: root\n  port: 22\n  private_key: {LabFacts.PrivateKey}\n  known_hosts: {LabFacts.KnownHosts}\n  host_key_policy: strict\n\n");
        text.Append("nodes:\n");
        for (var i = 0; i < Nodes.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"  - name: {Nodes[i].Host.Name}\n    address: {Nodes[i].Host.Address}\n    priority: {100 - 10 * i}\n");
        text.Append(CultureInfo.InvariantCulture, $"\nfrontend:\n  port: {LabFacts.ApiPort}\n\nbackends:\n");
        foreach (var api in LabFacts.ApiServers)
            text.Append(CultureInfo.InvariantCulture, $"  - name: {api.Name}\n    address: {api.Address}\n    port: {LabFacts.ApiPort}\n");
        text.Append("\nhealth_check:\n  path: /readyz\n  interval: 1s\n  fall: 2\n  rise: 2\n\ntimeouts:\n  connect: 5s\n  client: 15m\n  server: 15m\n");
        return text.ToString();
    }

    public override string ToString() => Name;
}
