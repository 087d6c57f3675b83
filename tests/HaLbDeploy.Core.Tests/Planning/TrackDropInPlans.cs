using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.Rendering;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>
/// Plans around the fast profile's haproxy.service drop-in, on lb1 in a container with keepalived 2.2.7 (the lab's
/// nodes): the drop-in landing on a node that runs the default profile, and going when the profile goes back.
/// </summary>
public static class TrackDropInPlans
{
    public static Inventory Fast { get; } = PlanningFixtures.Inventory with
    {
        AdvertInt = ExampleInventory.Fast().AdvertInt,
        Vrrp = ExampleInventory.Fast().Vrrp,
        Nodes = PlanningFixtures.Inventory.Nodes.Zip(ExampleInventory.Fast().Nodes, (n, f) => n with { Priority = f.Priority }).ToList(),
    };

    public static NodeConfiguration FastDesired { get; } =
        ConfigurationRenderer.WithBuiltInTemplates().Render(Fast, Fast.Nodes[0], InAContainer(PlanningFixtures.Converged()));

    /// <summary>The default profile runs (haproxy active), and the fast profile's first apply brings the drop-in.</summary>
    public static NodePlan DropInLands() =>
        new NodePlanner(Fast, SecretMasker.For(Fast)).Plan(FastDesired, InAContainer(PlanningFixtures.Converged()));

    /// <summary>The fast profile with its drop-in runs, and the inventory goes back to the default profile.</summary>
    public static NodePlan DropInGoes() =>
        PlanningFixtures.Plan(InAContainer(PlanningFixtures.Converged()) with { Files = PlanningFixtures.FileStates(FastDesired) });

    private static NodeFacts InAContainer(NodeFacts facts) => facts with { KeepalivedVersion = "1:2.2.7-1+b2", InitialNamespaces = false };
}
