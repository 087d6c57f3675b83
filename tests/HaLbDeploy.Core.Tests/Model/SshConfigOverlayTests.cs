using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>ssh_config under the inventory: what it fills in, what the inventory keeps, and what is refused where.</summary>
public sealed class SshConfigOverlayTests
{
    private const string Config = "/home/tester/.ssh/config";
    private readonly FakeInventoryEnvironment environment = new();

    private const string AddressesOnly = """
        cluster: prod
        vip: 10.0.0.100/24
        interface: eth0
        vrrp:
          auth:
            secret_env: HALB_VRRP_SECRET
        nodes:
          - name: lb1
            address: 10.0.0.11
            priority: 100
          - name: lb2
            address: 10.0.0.12
            priority: 90
        backends:
          - name: m1
            address: 10.0.0.21
        """;

    private InventoryLoadResult Load(string sshConfig, string inventory = AddressesOnly, string? option = null)
    {
        environment.Files[Config] = sshConfig;
        return new InventoryLoader(environment, new InventoryLoadOptions { SshConfig = option }).LoadText(inventory + "\n", "inv.yaml", "/inv");
    }

    [Fact]
    public void Host_patterns_give_each_node_its_user_port_key_and_host_key_settings()
    {
        var result = Load("""
            Host 10.0.0.* !10.0.0.12
                User halb
                Port 2222
                IdentityFile ~/.ssh/lab_key
                UserKnownHostsFile /etc/halb/known_hosts
                StrictHostKeyChecking accept-new
                ConnectTimeout 3
                IdentitiesOnly yes
                CertificateFile ~/.ssh/lab_key-cert.pub
            Host lb2
                Port 2200
            """);

        var lb1 = result.Inventory!.Nodes[0].Ssh;
        Assert.Equal(("halb", 2222, "/home/tester/.ssh/lab_key", "/etc/halb/known_hosts"), (lb1.User, lb1.Port, lb1.PrivateKeyPath, lb1.KnownHostsPath));
        Assert.Equal((HostKeyPolicy.AcceptNew, 3000L, true, true), (lb1.HostKeyPolicy, (long)lb1.ConnectTimeout.Milliseconds, lb1.IdentitiesOnly, lb1.Become));
        Assert.Equal("/home/tester/.ssh/lab_key-cert.pub", lb1.CertificatePath);
        Assert.Contains($"{Config}:2", lb1.SshConfigOrigin);
        var lb2 = result.Inventory.Nodes[1].Ssh;
        Assert.Equal(("root", 2200, false), (lb2.User, lb2.Port, lb2.Become));
    }

    [Fact]
    public void The_inventory_wins_over_ssh_config_at_the_top_level_and_per_node()
    {
        var inventory = AddressesOnly.Replace("nodes:\n", "ssh:\n  port: 22\nnodes:\n", StringComparison.Ordinal)
            .Replace("    priority: 90\n", "    priority: 90\n    ssh:\n      user: admin\n", StringComparison.Ordinal);

        var result = Load("Host *\n  User halb\n  Port 2222\n", inventory);

        Assert.Equal((22, "halb"), (result.Inventory!.Nodes[0].Ssh.Port, result.Inventory.Nodes[0].Ssh.User));
        Assert.Equal((22, "admin"), (result.Inventory.Nodes[1].Ssh.Port, result.Inventory.Nodes[1].Ssh.User));
    }

    [Fact]
    public void HostName_changes_where_ssh_connects_but_not_the_node_address()
    {
        var result = Load("Host lb1\n  HostName %h.mgmt.example\n");

        Assert.Equal("10.0.0.11.mgmt.example", result.Inventory!.Nodes[0].Ssh.HostName);
        Assert.Equal("10.0.0.11", result.Inventory.Nodes[0].Address.ToString());
        Assert.Null(result.Inventory.Nodes[1].Ssh.HostName);
    }

    [Fact]
    public void A_ProxyJump_becomes_the_nodes_chain_of_hops_first_dialled_first()
    {
        var result = Load("Host lb1\n  User halb\nHost 10.0.0.*\n  ProxyJump admin@bastion:2222,10.0.9.1\n");

        var hops = result.Inventory!.Nodes[0].Ssh.ProxyJump!;
        Assert.Equal([new SshHop("bastion", 2222, "admin"), new SshHop("10.0.9.1", 22)], hops);
        Assert.Contains($"{Config}:4", result.Inventory.Nodes[0].Ssh.SshConfigOrigin);
    }

    [Fact]
    public void The_inventorys_proxy_jump_wins_over_ssh_configs_ProxyJump()
    {
        var result = Load("Host *\n  ProxyJump admin@bastion\n", AddressesOnly.Replace("nodes:\n", "ssh:\n  proxy_jump: jump@10.0.9.9\nnodes:\n", StringComparison.Ordinal));

        Assert.All(result.Inventory!.Nodes, n => Assert.Equal([new SshHop("10.0.9.9", 22, "jump")], n.Ssh.ProxyJump!));
    }

    [Fact]
    public void A_ProxyJump_that_is_not_a_chain_of_hops_is_an_error_at_its_line()
    {
        var result = Load("Host *\n  ProxyJump ssh://bastion\n");

        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal((Config, 2), (error.File, error.Line));
        Assert.Contains("ProxyJump 'ssh://bastion' is a URI", error.Message);
    }

    [Fact]
    public void A_ProxyJump_through_the_node_itself_is_a_loop()
    {
        var result = Load("Host 10.0.0.*\n  ProxyJump 10.0.0.12\n");

        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("proxy-jump-loop", error.Code);
        Assert.Equal("nodes[1].ssh.proxy_jump", error.Field);
        Assert.Contains("node lb2 (10.0.0.12) is a hop on its own way (10.0.0.12): a loop", error.Message);
    }

    [Theory]
    [InlineData("Port 99999", "Port '99999' is not a port number 1-65535")]
    [InlineData("User Bad/User", "User 'Bad/User' is not a valid user name")]
    [InlineData("StrictHostKeyChecking maybe", "is not yes, accept-new or no")]
    [InlineData("IdentitiesOnly perhaps", "is neither yes nor no")]
    [InlineData("ConnectTimeout soon", "is not a number of seconds above 0")]
    public void A_value_that_cannot_be_used_is_an_error_at_its_file_and_line(string line, string message)
    {
        var result = Load($"Host *\n  {line}\n");

        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal((Config, 2), (error.File, error.Line));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void StrictHostKeyChecking_no_is_accept_new_with_a_warning()
    {
        var result = Load("Host *\n  StrictHostKeyChecking no\n");

        Assert.Equal(HostKeyPolicy.AcceptNew, result.Inventory!.Nodes[0].Ssh.HostKeyPolicy);
        Assert.Contains(result.Problems, p => !p.IsError && p.Message.Contains("a changed key is still refused", StringComparison.Ordinal));
    }

    [Fact]
    public void None_reads_no_ssh_config_and_a_named_missing_file_is_an_error()
    {
        Assert.Equal("root", Load("Host *\n  User halb\n", option: "none").Inventory!.Nodes[0].Ssh.User);

        var missing = Load("", AddressesOnly.Replace("nodes:\n", "ssh:\n  config: /nowhere/ssh_config\nnodes:\n", StringComparison.Ordinal));
        var error = Assert.Single(missing.Problems, p => p.IsError);
        Assert.Equal("ssh.config", error.Field);
        Assert.Contains("there is no such ssh_config file", error.Message);
    }

    [Fact]
    public void The_command_line_file_wins_over_the_inventory_key()
    {
        environment.Files["/etc/halb/ssh_config"] = "Host *\n  User fromoption\n";
        var inventory = AddressesOnly.Replace("nodes:\n", "ssh:\n  config: /nowhere/ssh_config\nnodes:\n", StringComparison.Ordinal);

        var result = Load("", inventory, option: "/etc/halb/ssh_config");

        Assert.Equal("fromoption", result.Inventory!.Nodes[0].Ssh.User);
    }

    [Fact]
    public void A_known_hosts_of_dev_null_is_not_followed_and_says_so()
    {
        var result = Load("Host *\n  UserKnownHostsFile /dev/null\n");

        Assert.Equal("/home/tester/.ssh/known_hosts", result.Inventory!.Nodes[0].Ssh.KnownHostsPath);
        Assert.Contains(result.Problems, p => !p.IsError && p.Message.Contains("would check no host key", StringComparison.Ordinal));
    }
}
