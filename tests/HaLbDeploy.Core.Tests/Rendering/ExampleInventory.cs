using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>inventory/example.yaml loaded with HALB_VRRP_SECRET=k8sVip01, and variants of it for rendering tests.</summary>
public static class ExampleInventory
{
    public static Inventory Load()
    {
        var path = RepositoryRoot.Of("inventory/example.yaml");
        var result = new InventoryLoader(new FakeInventoryEnvironment()).LoadText(File.ReadAllText(path), "example.yaml", Path.GetDirectoryName(path)!);
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

    /// <summary>The fast failover profile at a tenth of a second, with priorities wide enough apart for it (250/170/90), without authentication (VRRPv3 has none).</summary>
    public static Inventory Fast()
    {
        var inventory = Load();
        int[] priorities = [250, 170, 90];
        return inventory with
        {
            AdvertInt = new Duration(100),
            Vrrp = inventory.Vrrp with { Profile = VrrpProfile.Fast, TrackFall = 1, AuthSecret = null },
            Nodes = inventory.Nodes.Select((n, i) => n with { Priority = priorities[i] }).ToList(),
        };
    }
}
