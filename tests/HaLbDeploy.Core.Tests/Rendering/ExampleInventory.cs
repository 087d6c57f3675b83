using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>inventory/example.yaml loaded with HALB_VRRP_SECRET=k8sVip01, and variants of it for rendering tests.</summary>
public static class ExampleInventory
{
    public static Inventory Load() => LoadFile("inventory/example.yaml");

    /// <summary>inventory/dual-stack.yaml: a dual-stack API VIP pair and an IPv4 ingress VIP preferring lb2.</summary>
    public static Inventory DualStack() => LoadFile("inventory/dual-stack.yaml");

    private static Inventory LoadFile(string relativePath)
    {
        var path = RepositoryRoot.Of(relativePath);
        var result = new InventoryLoader(new FakeInventoryEnvironment()).LoadText(File.ReadAllText(path), Path.GetFileName(path), Path.GetDirectoryName(path)!);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        return result.Inventory!;
    }

    public static Inventory WithoutSecret()
    {
        var inventory = Load();
        return inventory with { Vrrp = inventory.Vrrp with { AuthSecret = null } };
    }

    public static Inventory WithoutPreempt()
    {
        var inventory = Load();
        return inventory with { Vrrp = inventory.Vrrp with { Preempt = false } };
    }

    /// <summary>Multicast on a group other than the default, without preemption.</summary>
    public static Inventory MulticastWithoutPreempt(string group = "224.0.0.19")
    {
        var inventory = Load();
        return inventory with { Vrrp = inventory.Vrrp with { Mode = VrrpMode.Multicast, MulticastGroup = IPAddress.Parse(group), Preempt = false } };
    }

    /// <summary>vrrp_strict with accept; strict mode allows neither unicast peers nor authentication (keepalived.conf(5)).</summary>
    public static Inventory StrictWithAccept()
    {
        var inventory = Load();
        return inventory with { Vrrp = inventory.Vrrp with { Mode = VrrpMode.Multicast, Strict = true, Accept = true, AuthSecret = null } };
    }

    public static Inventory WithSecret(string value)
    {
        var inventory = Load();
        return inventory with { Vrrp = inventory.Vrrp with { AuthSecret = new Secret(value, "test") } };
    }
}
