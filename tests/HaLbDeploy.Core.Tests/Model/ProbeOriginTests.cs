using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>`--probe-from HOST`: a node of the inventory, or a bastion written as a hop.</summary>
public sealed class ProbeOriginTests
{
    private static Inventory Inventory(string ssh = "") =>
        Inventories.Load(Inventories.ValidWith("  port: 22\nnodes:", $"  port: 22\n{ssh}\nnodes:")).Inventory!;

    [Fact]
    public void A_node_name_is_that_node_reached_through_its_own_bastions_then_itself()
    {
        var inventory = Inventory("  proxy_jump: jump@10.0.9.1");

        var (host, problem) = ProbeOrigin.Resolve(inventory, "lb2");

        Assert.Null(problem);
        Assert.Equal([new SshHop("10.0.9.1", 22, "jump"), new SshHop("10.0.0.12", 22, "root", KnownHostsPath: host!.Ssh.KnownHostsPath, HostKeyPolicy: HostKeyPolicy.Strict)],
            ProbeOrigin.ChainTo(host));
    }

    [Fact]
    public void A_hop_is_dialled_directly_with_the_first_nodes_other_settings()
    {
        var (host, _) = ProbeOrigin.Resolve(Inventory("  proxy_jump: jump@10.0.9.1"), "probe@10.0.9.2:2222");

        Assert.Equal(("probe", "10.0.9.2", 2222, 0), (host!.Ssh.User, host.Ssh.HostName, host.Ssh.Port, host.Ssh.ProxyJump!.Count));
        Assert.Equal("10.0.9.2", Assert.Single(ProbeOrigin.ChainTo(host)).Host);
    }

    [Fact]
    public void Neither_a_node_nor_a_hop_is_refused_naming_the_nodes()
    {
        var (host, problem) = ProbeOrigin.Resolve(Inventory(), "lb9:port");

        Assert.Null(host);
        Assert.Contains("--probe-from lb9:port: neither a node of the inventory (lb1, lb2) nor a host [user@]host[:port]", problem);
    }

    [Theory]
    [InlineData("lb2")]
    [InlineData("jump@10.0.9.1:2222")]
    public void The_inventorys_probe_from_takes_a_node_name_or_a_hop(string written)
    {
        var inventory = Inventories.Load(Inventories.ValidWith("nodes:\n", $"probe_from: {written}\nnodes:\n")).Inventory!;

        Assert.Equal(written, inventory.ProbeFrom);
    }

    [Fact]
    public void A_probe_from_that_is_neither_is_an_error_at_its_key()
    {
        var result = Inventories.Load(Inventories.ValidWith("nodes:\n", "probe_from: lb9:http\nnodes:\n"));

        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(("probe_from", "bad-probe-from"), (error.Field, error.Code));
        Assert.Contains("'lb9:http' is neither a node of the inventory nor a host [user@]host[:port]", error.Message);
    }
}
