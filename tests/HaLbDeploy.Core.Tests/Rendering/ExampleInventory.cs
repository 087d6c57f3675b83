using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>inventory/example.yaml (or another inventory of the repository) loaded with HALB_VRRP_SECRET=k8sVip01, and variants of it for rendering tests.</summary>
public static class ExampleInventory
{
    /// <summary>inventory/dual-stack.yaml: a dual-stack API VIP pair and an IPv4 ingress VIP preferring lb2.</summary>
    public static Inventory DualStack() => Load("dual-stack");

    /// <param name="name">The inventory under inventory/, without ".yaml": example, rke2, k0s, ingress.</param>
    public static Inventory Load(string name = "example")
    {
        var path = RepositoryRoot.Of($"inventory/{name}.yaml");
        var result = new InventoryLoader(new FakeInventoryEnvironment()).LoadText(File.ReadAllText(path), $"{name}.yaml", Path.GetDirectoryName(path)!);
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
    /// <summary>The dual-stack inventory on the fast profile: each VIP's two instances in a sync group, both tracking haproxy.</summary>
    public static Inventory FastDualStack()
    {
        var inventory = DualStack();
        return inventory with { AdvertInt = new Duration(100), Vrrp = inventory.Vrrp with { Profile = VrrpProfile.Fast, TrackFall = 1, AuthSecret = null } };
    }

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

    /// <summary>
    /// inventory/k0s.yaml with every frontend option somewhere: each check kind, every balance, send-proxy-v2, and
    /// each of the frontend's own timeouts.
    /// </summary>
    public static Inventory WithEveryFrontendOption()
    {
        var inventory = Load("k0s");
        var f = inventory.Frontends;
        return inventory with
        {
            Frontends =
            [
                f[0] with { Balance = BalanceAlgorithm.Source, Timeouts = new FrontendTimeouts(Duration.FromSeconds(3), Duration.FromSeconds(60), Duration.FromSeconds(90)) },
                f[1] with { HealthCheck = f[1].HealthCheck with { Kind = HealthCheckKind.Http, Path = "/healthz" }, SendProxyV2 = true },
                f[2] with { SendProxyV2 = true, HealthCheck = f[2].HealthCheck with { Kind = HealthCheckKind.Https } },
            ],
        };
    }
}
