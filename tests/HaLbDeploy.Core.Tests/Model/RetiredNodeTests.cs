using System.Net;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>`retired_nodes:` as the parser and the validator take it.</summary>
public sealed class RetiredNodeTests
{
    [Fact]
    public void A_retired_node_is_read_with_its_address_as_name_and_the_top_level_ssh_settings()
    {
        var result = Inventories.Load(Inventories.Valid + "\nretired_nodes:\n  - address: 10.0.0.13\n  - name: old-lb\n    address: 10.0.0.14\n    ssh:\n      port: 2222\n");

        Assert.Empty(result.Problems);
        var retired = result.Inventory!.Retired;
        Assert.Equal(["10.0.0.13", "old-lb"], retired.Select(r => r.Name));
        Assert.Equal(IPAddress.Parse("10.0.0.13"), retired[0].Address);
        Assert.Equal(("root", 22), (retired[0].Ssh.User, retired[0].Ssh.Port));
        Assert.Equal(2222, retired[1].Ssh.Port);
        Assert.Equal(("old-lb", 2222), (retired[1].AsSshTarget().Name, retired[1].AsSshTarget().Ssh.Port));
    }

    [Fact]
    public void An_inventory_without_retired_nodes_has_none()
    {
        Assert.Empty(Inventories.Load(Inventories.Valid).Inventory!.Retired);
    }

    [Fact]
    public void A_node_both_in_nodes_and_retired_is_an_error_that_names_the_field_and_the_fix()
    {
        var result = Inventories.Load(Inventories.Valid + "\nretired_nodes:\n  - address: 10.0.0.12\n");

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(("retired-node-in-nodes", "retired_nodes[0].address"), (problem.Code, problem.Field));
        Assert.Contains("`nodes:` still lists lb2 (10.0.0.12)", problem.Message);
        Assert.Contains("remove the node from `nodes:` to retire it", problem.Fix);
        Assert.True(problem.Line > 0);
    }

    [Fact]
    public void A_retired_node_listed_twice_or_without_an_address_is_an_error()
    {
        var twice = Inventories.Load(Inventories.Valid + "\nretired_nodes:\n  - address: 10.0.0.13\n  - address: 10.0.0.13\n");
        var without = Inventories.Load(Inventories.Valid + "\nretired_nodes:\n  - name: old\n");

        Assert.Contains(twice.Problems, p => p is { Code: "duplicate", Field: "retired_nodes[1].address" });
        Assert.Contains(without.Problems, p => p.IsError && p.Field == "retired_nodes[0].address");
    }
}
