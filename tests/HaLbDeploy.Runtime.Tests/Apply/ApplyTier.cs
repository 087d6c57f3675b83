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

    private ApplyTier(Func<NodeConfiguration, SimulatedLbNode> node)
    {
        var yaml = Edit(Edit(Edit(Inventories.Valid, "vip: 10.0.0.100/24", "vip: 10.211.0.100/24"), "interface: eth0", "interface: host0"), TwoNodes, LabNodes);
        var loaded = Inventories.Load(yaml);
        Inventory = loaded.Inventory ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
        Desired = ConfigurationRenderer.WithBuiltInTemplates().RenderAll(Inventory);
        Tier = new SimulatedLbTier(Desired.Select(node).ToList(), Inventory.Vip.Address, Inventory.Vrrp.Preempt, new JumpingClock());
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

    public Task<ConvergeReport> ApplyAsync(ConvergeOptions? options = null, CancellationToken cancellationToken = default) =>
        new Converger(Inventory, Desired, Tier, Progress, Tier.Clock, options ?? new ConvergeOptions()).RunAsync(cancellationToken);

    public Task<ConvergeReport> PlanAsync() => ApplyAsync(new ConvergeOptions(DryRun: true));

    private static ApplyTier WithFiles(Func<RenderedFile, RenderedFile> onNode)
    {
        var tier = new ApplyTier(desired =>
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
        });
        tier.Tier.VipHolder = "lb1";
        return tier;
    }

    private static string Edit(string text, string find, string replace) =>
        text.Contains(find, StringComparison.Ordinal) ? text.Replace(find, replace, StringComparison.Ordinal) : throw new ArgumentException($"'{find}' is not in the inventory");
}
