using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Validation;

/// <summary>`vips:` mistakes: each gives exactly one error at its line and column, with a fix; the valid list loads.</summary>
public sealed class VipListValidatorTests
{
    // Line numbers matter: the tests point at them.
    internal const string Valid = """
        cluster: prod
        interface: eth0
        virtual_router_id: 51
        vips:
          - name: api
            address: 10.0.0.100/24
            address6: fd00:1::100/64
          - name: ingress
            address: 10.0.0.101/24
            priorities: {lb1: 50, lb2: 150}
        nodes:
          - name: lb1
            address: 10.0.0.11
            address6: fd00:1::11
            priority: 100
          - name: lb2
            address: 10.0.0.12
            address6: fd00:1::12
            priority: 90
        backends:
          - name: m1
            address: fd00:1::21
        """;

    private static InventoryLoadResult LoadWith(string find, string replace)
    {
        Assert.True(Valid.Contains(find, StringComparison.Ordinal), $"'{find}' is not in the valid inventory");
        return Inventories.Load(Valid.Replace(find, replace, StringComparison.Ordinal));
    }

    [Fact]
    public void A_dual_stack_pair_and_a_second_vip_with_its_own_priorities_load_with_derived_router_ids()
    {
        var result = Inventories.Load(Valid);

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        var vips = result.Inventory!.Vips;
        Assert.Equal(["api", "ingress"], vips.Select(v => v.Name));
        Assert.Equal([51, 52], vips.Select(v => v.VirtualRouterId));
        Assert.Equal(["10.0.0.100/24", "fd00:1::100/64"], vips[0].Addresses.Select(a => a.ToString()));
        Assert.True(vips[0].DualStack);
        Assert.Equal(150, vips[1].PriorityOf(result.Inventory.Nodes[1]));
        Assert.Equal(100, vips[0].PriorityOf(result.Inventory.Nodes[0]));
        Assert.Equal("10.0.0.100/24", result.Inventory.Vip.ToString());
        Assert.Equal("fd00:1::11", result.Inventory.Nodes[0].Address6!.ToString());
    }

    [Fact]
    public void A_derived_router_id_steps_over_one_another_entry_names()
    {
        var inventory = LoadWith("    priorities: {lb1: 50, lb2: 150}", "    priorities: {lb1: 50, lb2: 150}\n  - name: third\n    address: 10.0.0.102/24\n    virtual_router_id: 53").Inventory!;

        Assert.Equal([51, 52, 53], inventory.Vips.Select(v => v.VirtualRouterId));
        var stepped = LoadWith("  - name: api\n", "  - name: api\n    virtual_router_id: 52\n").Inventory!;
        Assert.Equal([52, 53], stepped.Vips.Select(v => v.VirtualRouterId));
    }

    public static TheoryData<string, string, string, int, int, string, string, string> OneMistakeEach => new()
    {
        // name, find, replace, line, column, code, field, message fragment
        { "a link-local IPv6 VIP", "address6: fd00:1::100/64", "address6: fe80::100/64", 7, 15, "vip-link-local", "vips[0].address6", "is a link-local address" },
        { "an IPv6 prefix above 128", "address6: fd00:1::100/64", "address6: fd00:1::100/129", 7, 15, "bad-cidr", "vips[0].address6", "prefix length outside 1-128" },
        { "an IPv4 address as address6", "address6: fd00:1::100/64", "address6: 10.0.0.99/24", 7, 15, "bad-cidr", "vips[0].address6", "is not an IPv6 address" },
        { "an IPv6 address with an address6", "address: 10.0.0.100/24", "address: fd00:1::99/64", 7, 15, "dual-stack-pair", "vips[0].address6", "`address` is IPv6 already" },
        { "a node's IPv6 address outside the IPv6 VIP's subnet", "address6: fd00:1::11", "address6: fd00:9::11", 14, 15, "node-outside-vip-subnet", "nodes[0].address6", "fd00:9::11 is outside the subnet fd00:1::100/64 of VIP api" },
        { "an IPv6 VIP that is a node's address", "address6: fd00:1::100/64", "address6: fd00:1::12/64", 7, 15, "vip-is-node-address", "vips[0].address6", "is the address of node lb2" },
        { "a VIP that is a backend's IPv6 address", "address6: fd00:1::100/64", "address6: fd00:1::21/64", 22, 14, "vip-is-backend-address", "backends[0].address", "is the VIP api itself" },
        { "two VIPs with one address", "address: 10.0.0.101/24", "address: 10.0.0.100/24", 9, 14, "duplicate", "vips[1].address", "VIP address '10.0.0.100' is already used at line 6" },
        { "two VIPs with one name", "  - name: ingress", "  - name: api", 8, 11, "duplicate", "vips[1].name", "VIP name 'api' is already used at line 5" },
        { "two VIPs with one router id", "    priorities: {lb1: 50, lb2: 150}", "    priorities: {lb1: 50, lb2: 150}\n    virtual_router_id: 60\n  - name: third\n    address: 10.0.0.102/24\n    virtual_router_id: 60", 14, 24, "router-id-collision", "vips[2].virtual_router_id", "virtual_router_id 60 is already used by the IPv4 VIP ingress" },
        { "a router id above 255", "  - name: api\n", "  - name: api\n    virtual_router_id: 256\n", 6, 24, "out-of-range", "vips[0].virtual_router_id", "256 is outside 1-255" },
        { "a priority for a node that does not exist", "{lb1: 50, lb2: 150}", "{lb1: 50, lb2: 150, lb9: 1}", 10, 42, "unknown-node", "vips[1].priorities.lb9", "'lb9' is not a node" },
        { "a node without a priority", "{lb1: 50, lb2: 150}", "{lb1: 50}", 10, 17, "missing-field", "vips[1].priorities", "gives no priority for node lb2" },
        { "two nodes with one priority for a VIP", "{lb1: 50, lb2: 150}", "{lb1: 50, lb2: 50}", 10, 32, "duplicate", "vips[1].priorities.lb2", "priority 50 is already lb1's" },
        { "a priority of 255", "{lb1: 50, lb2: 150}", "{lb1: 50, lb2: 255}", 10, 32, "out-of-range", "vips[1].priorities.lb2", "255 is outside 1-254" },
        { "a node without an IPv6 address under unicast", "    address6: fd00:1::12\n", "", 16, 5, "missing-field", "nodes[1].address6", "has no IPv6 address" },
        { "a link-local node address6", "address6: fd00:1::11", "address6: fe80::11", 14, 15, "bad-address", "nodes[0].address6", "is not a global or unique-local IPv6 address" },
        { "vip beside vips", "interface: eth0\n", "interface: eth0\nvip: 10.0.0.100/24\n", 3, 6, "vip-and-vips", "vip", "is written beside `vips:`" },
        { "an empty vips list", "vips:\n  - name: api\n    address: 10.0.0.100/24\n    address6: fd00:1::100/64\n  - name: ingress\n    address: 10.0.0.101/24\n    priorities: {lb1: 50, lb2: 150}\n", "vips: []\n", 4, 7, "no-vips", "vips", "lists no VIP" },
        { "a VIP entry without an address", "    address: 10.0.0.101/24\n", "", 8, 5, "missing-field", "vips[1].address", "is required but missing" },
        { "a misspelt key in a VIP entry", "    address6: fd00:1::100", "    adress6: fd00:1::100", 7, 5, "unknown-key", "vips[0].adress6", "unknown key 'adress6'" },
    };

    [Theory]
    [MemberData(nameof(OneMistakeEach))]
    public void Each_bad_vip_list_gives_one_located_error_with_a_fix(string name, string find, string replace, int line, int column, string code, string field, string message)
    {
        var result = LoadWith(find, replace);

        var error = Assert.Single(result.Errors);
        Assert.True((line, column, code, field) == (error.Line, error.Column, error.Code, error.Field), $"{name}: got {error}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"{name}: no fix");
    }

    [Fact]
    public void A_tracking_weight_too_small_for_one_vips_priorities_names_that_vip()
    {
        var result = LoadWith("cluster: prod\n", "cluster: prod\nvrrp:\n  mode: multicast\n  health_tracking:\n    weight: -20\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("track-weight-cannot-move-vip", error.Code);
        Assert.Contains("for VIP ingress", error.Message, StringComparison.Ordinal);
    }
}
