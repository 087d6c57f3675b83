using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>`ssh.proxy_jump` in the inventory: the shapes it takes, and each mistake located at its key.</summary>
public sealed class SshHopParserTests
{
    private static InventoryLoadResult Load(string ssh, string lb2Ssh = "")
    {
        var inventory = Inventories.ValidWith("  port: 22\nnodes:", $"  port: 22\n{ssh}\nnodes:");
        if (lb2Ssh.Length > 0) inventory = inventory.Replace("    priority: 90\n", $"    priority: 90\n{lb2Ssh}\n", StringComparison.Ordinal);
        return Inventories.Load(inventory);
    }

    [Fact]
    public void A_string_of_hops_is_read_as_ssh_writes_them_first_dialled_first()
    {
        var result = Load("  proxy_jump: jump@10.0.9.1:2222, 10.0.9.2");

        Assert.Equal([new SshHop("10.0.9.1", 2222, "jump"), new SshHop("10.0.9.2", 22)], result.Inventory!.Nodes[1].Ssh.ProxyJump!);
    }

    [Fact]
    public void A_hop_section_carries_its_own_user_key_and_host_key_settings()
    {
        var result = Load("""
              proxy_jump:
                - host: bastion.example.net
                  port: 2200
                  user: jump
                  private_key: /keys/bastion
                  host_key_policy: accept-new
                  host_key_fingerprint: SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
            """);

        var hop = Assert.Single(result.Inventory!.Nodes[0].Ssh.ProxyJump!);
        Assert.Equal(new SshHop("bastion.example.net", 2200, "jump", "/keys/bastion", null, null, HostKeyPolicy.AcceptNew, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), hop);
    }

    [Fact]
    public void A_hop_dials_with_its_own_values_over_the_nodes_and_no_sudo()
    {
        var node = Load("  proxy_jump: [{host: 10.0.9.1, user: jump}]").Inventory!.Nodes[0].Ssh with { User = "admin", Become = true, HostKeyFingerprint = "SHA256:node" };

        var settings = node.ProxyJump![0].SettingsFrom(node, []);

        Assert.Equal(("jump", "10.0.9.1", 22, false, null, 0), (settings.User, settings.HostName, settings.Port, settings.Become, settings.HostKeyFingerprint, settings.ProxyJump!.Count));
    }

    [Fact]
    public void None_on_a_node_reaches_it_directly_although_the_top_level_names_a_bastion()
    {
        var result = Load("  proxy_jump: 10.0.9.1", "    ssh:\n      proxy_jump: none");

        Assert.Equal((1, 0), (result.Inventory!.Nodes[0].Ssh.ProxyJump!.Count, result.Inventory.Nodes[1].Ssh.ProxyJump!.Count));
    }

    [Theory]
    [InlineData("  proxy_jump: jump@10.0.9.1:99999", "ssh.proxy_jump", "'99999' in 'jump@10.0.9.1:99999' is not a port number 1-65535")]
    [InlineData("  proxy_jump: Bad/User@10.0.9.1", "ssh.proxy_jump", "'Bad/User' in 'Bad/User@10.0.9.1' is not a valid user name")]
    [InlineData("  proxy_jump: 10.0.9.1,,10.0.9.2", "ssh.proxy_jump", "has an empty hop")]
    [InlineData("  proxy_jump: ssh://10.0.9.1", "ssh.proxy_jump", "is a URI")]
    [InlineData("  proxy_jump: [{user: jump}]", "ssh.proxy_jump[0].host", "is required but missing")]
    [InlineData("  proxy_jump: [{host: 10.0.9.1, prot: 22}]", "ssh.proxy_jump[0].prot", "unknown key 'prot'")]
    [InlineData("  proxy_jump: []", "ssh.proxy_jump", "is an empty list")]
    [InlineData("  proxy_jump: {host: 10.0.9.1}", "ssh.proxy_jump", "must be a hop [user@]host[:port], a list of hops, or none")]
    public void Bad_hop_syntax_is_an_error_at_its_key(string ssh, string field, string message)
    {
        var result = Load(ssh);

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void One_bastion_twice_on_the_way_is_a_loop()
    {
        var result = Load("  proxy_jump: 10.0.9.1,jump@10.0.9.2,10.0.9.1");

        Assert.Null(result.Inventory);
        Assert.All(result.Problems.Where(p => p.IsError), e => Assert.Equal("proxy-jump-loop", e.Code));
        Assert.Contains(result.Problems, e => e.Message.Contains("10.0.9.1:22 appears twice in the way to node lb1 (10.0.9.1 -> jump@10.0.9.2 -> 10.0.9.1)", StringComparison.Ordinal));
    }
}
