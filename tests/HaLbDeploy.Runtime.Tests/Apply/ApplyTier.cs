using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.Facts;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.Apply;
using HaLbDeploy.Runtime.Tests.TestSupport;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>
/// Three Debian 12 LB nodes of the lab (lb1 priority 100, lb2 90, lb3 80 on host0, VIP 10.211.0.100, preempt) as
/// a <see cref="SimulatedLbTier"/>, with the inventory and rendered configurations that plan and apply are given.
/// </summary>
public sealed class ApplyTier
{
    private const string TwoNodes = """
          - name: lb1
            address: 10.0.0.11
            priority: 100
          - name: lb2
            address: 10.0.0.12
            priority: 90
        """;

    private const string LabNodes = """
          - name: lb1
            address: 10.211.0.11
            priority: 100
          - name: lb2
            address: 10.211.0.12
            priority: 90
          - name: lb3
            address: 10.211.0.13
            priority: 80
        """;

    private ApplyTier(Func<NodeConfiguration, SimulatedLbNode> node, Func<string, string>? editInventory = null, Func<RetiredNode, SimulatedLbNode>? retired = null)
    {
        var yaml = Edit(Edit(Edit(Inventories.Valid, "vip: 10.0.0.100/24", "vip: 10.211.0.100/24"), "interface: eth0", "interface: host0"), TwoNodes, LabNodes);
        var loaded = Inventories.Load(editInventory is null ? yaml : editInventory(yaml));
        Inventory = loaded.Inventory ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
        Desired = ConfigurationRenderer.WithBuiltInTemplates().RenderAll(Inventory);
        var retiredNodes = retired is null ? [] : Inventory.Retired.Select(retired);
        Tier = new SimulatedLbTier(Desired.Select(node).Concat(retiredNodes).ToList(), Inventory.Vip.Address, Inventory.Vrrp.Preempt, new JumpingClock());
    }

    public Inventory Inventory { get; }

    public IReadOnlyList<NodeConfiguration> Desired { get; }

    public SimulatedLbTier Tier { get; }

    public RecordingProgress Progress { get; } = new();

    public SimulatedLbNode this[string name] => Tier[name];

    /// <summary>Nothing installed anywhere (the recorded fresh lab node); nobody holds the VIP.</summary>
    public static ApplyTier Fresh() => new(desired => new SimulatedLbNode(desired.Node.Name, desired.Node.Address, desired.Node.Priority));

    /// <summary>Every node installed, running and holding exactly its rendered files; lb1 holds the VIP.</summary>
    public static ApplyTier Converged() => WithFiles(file => file);

    /// <summary>Converged, but every node's haproxy.cfg is an older one: the plan reloads haproxy everywhere.</summary>
    public static ApplyTier WithOldHaproxyConfig() =>
        WithFiles(file => file.Path == NodePaths.HaproxyConfig ? file with { Content = file.Content + "# an older one\n" } : file);

    /// <summary>Converged, but every node's keepalived.conf is in another VRRP group (virtual_router_id 77): an identity change.</summary>
    public static ApplyTier WithOtherRouterId() =>
        WithFiles(file => file.Path == NodePaths.KeepalivedConfig ? file with { Content = file.Content.Replace("virtual_router_id 51", "virtual_router_id 77") } : file);

    /// <summary>
    /// lb1 moved from `nodes:` to `retired_nodes:` on the converged tier: it still runs and holds the VIP, and lb2 and lb3
    /// still run a keepalived.conf that lists it.
    /// </summary>
    public static ApplyTier WithRetiredHolder()
    {
        const string lb1 = "  - name: lb1\n    address: 10.211.0.11\n    priority: 100\n";
        var tier = new ApplyTier(
            desired => Running(desired, file => file.Path == NodePaths.KeepalivedConfig ? file with { Content = file.Content + "# lists lb1\n" } : file),
            yaml => Edit(yaml, lb1, "") + "\nretired_nodes:\n  - name: lb1\n    address: 10.211.0.11\n",
            retired =>
            {
                var node = new SimulatedLbNode(retired.Name, retired.Address, 100) { Recording = RecordedFacts.Debian12ConvergedVipHolder, PackagesInstalled = true, UnitsEnabled = true, KeepalivedActive = true, HaproxyActive = true };
                foreach (var path in NodePaths.Managed.Where(p => p != NodePaths.HaproxyVrrpMetricsLua)) node.Files[path] = new SimulatedFile("old\n", "0644", "root", "root");
                return node;
            });
        tier.Tier.VipHolder = "lb1";
        return tier;
    }

    /// <summary>lb4 (priority 70, nothing installed) added to the converged tier, whose keepalived.conf does not list it yet.</summary>
    public static ApplyTier WithJoiningNode()
    {
        const string lb3 = "  - name: lb3\n    address: 10.211.0.13\n    priority: 80\n";
        var tier = new ApplyTier(
            desired => desired.Node.Name == "lb4"
                ? new SimulatedLbNode("lb4", desired.Node.Address, desired.Node.Priority)
                : Running(desired, file => file.Path == NodePaths.KeepalivedConfig ? file with { Content = file.Content + "# without lb4\n" } : file),
            yaml => Edit(yaml, lb3, lb3 + "  - name: lb4\n    address: 10.211.0.14\n    priority: 70\n"));
        tier.Tier.VipHolder = "lb1";
        return tier;
    }

    public Task<ConvergeReport> ApplyAsync(ConvergeOptions? options = null, CancellationToken cancellationToken = default) =>
        new Converger(Inventory, Desired, Tier, Progress, Tier.Clock, options ?? new ConvergeOptions()).RunAsync(cancellationToken);

    public Task<ConvergeReport> PlanAsync() => ApplyAsync(new ConvergeOptions(DryRun: true));

    private static ApplyTier WithFiles(Func<RenderedFile, RenderedFile> onNode)
    {
        var tier = new ApplyTier(desired => Running(desired, onNode));
        tier.Tier.VipHolder = "lb1";
        return tier;
    }

    /// <summary>A node installed and running, with its rendered files as <paramref name="onNode"/> has them.</summary>
    private static SimulatedLbNode Running(NodeConfiguration desired, Func<RenderedFile, RenderedFile> onNode)
    {
        var node = new SimulatedLbNode(desired.Node.Name, desired.Node.Address, desired.Node.Priority)
        {
            Recording = desired.Node.Name == "lb1" ? RecordedFacts.Debian12ConvergedVipHolder : RecordedFacts.Debian12ConvergedBackup,
            PackagesInstalled = true,
            UnitsEnabled = true,
            KeepalivedActive = true,
            HaproxyActive = true,
        };
        foreach (var file in desired.Files) node.Files[file.Path] = SimulatedFile.From(onNode(file));
        return node;
    }

    private static string Edit(string text, string find, string replace) =>
        text.Contains(find, StringComparison.Ordinal) ? text.Replace(find, replace, StringComparison.Ordinal) : throw new ArgumentException($"'{find}' is not in the inventory");
}
