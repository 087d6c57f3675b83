using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.Rendering;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>The example inventory on eth0 (the interface of the recorded facts), rendered, and facts to plan against.</summary>
public static class PlanningFixtures
{
    public static Inventory Inventory { get; } = OnEth0(ExampleInventory.Load());

    public static NodeConfiguration Desired(string node = "lb1") => Desired(Inventory, node);

    public static NodeConfiguration Desired(Inventory inventory, string node = "lb1") =>
        ConfigurationRenderer.WithBuiltInTemplates().Render(inventory, inventory.Nodes.Single(n => n.Name == node));

    public static NodePlan Plan(NodeFacts facts, string node = "lb1", Func<string, string?>? currentContent = null) =>
        Plan(Inventory, facts, node, currentContent);

    public static NodePlan Plan(Inventory inventory, NodeFacts facts, string node = "lb1", Func<string, string?>? currentContent = null) =>
        new NodePlanner(inventory, SecretMasker.For(inventory)).Plan(Desired(inventory, node), facts, currentContent);

    /// <summary>The fixture inventory with another VRRP secret.</summary>
    public static Inventory WithSecret(string secret) =>
        Inventory with { Vrrp = Inventory.Vrrp with { AuthSecret = new Secret(secret, "test") } };

    /// <summary>Facts of a node that already runs exactly the desired configuration.</summary>
    public static NodeFacts Converged(string node = "lb1") => new()
    {
        Complete = true,
        SystemdRunning = true,
        OsFamily = OsFamily.RedHat,
        PackageManager = PackageManager.Dnf,
        PackagesKnown = true,
        KeepalivedVersion = "2.1.5-9.el8",
        HaproxyVersion = "2.4.22-1.el9",
        Files = FileStates(Desired(node)),
        Units =
        [
            new UnitState("keepalived.service", "loaded", "enabled", "active", "running", 100, 5, "a"),
            new UnitState("haproxy.service", "loaded", "enabled", "active", "running", 200, 6, "b"),
        ],
        Firewall = FirewallState.Unknown,
        Selinux = SelinuxMode.Enforcing,
        HaproxyConnectAny = true,
    };

    /// <summary>The files of <paramref name="desired"/> as the facts of a node that has exactly them.</summary>
    public static List<ManagedFileState> FileStates(NodeConfiguration desired) =>
        desired.Files.Select(f => new ManagedFileState(f.Path, true, true, ContentDigest.Of(f.Content), f.Mode, f.Owner, f.Group)).ToList();

    private static Inventory OnEth0(Inventory inventory) =>
        inventory with { Nodes = inventory.Nodes.Select(n => n with { Interface = "eth0" }).ToList() };
}
