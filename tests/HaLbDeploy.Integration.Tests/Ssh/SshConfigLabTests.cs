using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// An inventory that names only node addresses, driven by an ssh_config with Host patterns, User, Port,
/// IdentityFile and UserKnownHostsFile. No agent. Needs `sudo lab/lab up`.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SshConfigLabTests : IDisposable
{
    private const string InventorySsh = "ssh:\n  user: root\n  port: 22\n  private_key: /var/lib/halb-lab/id_ed25519\n  known_hosts: /var/lib/halb-lab/known_hosts\n  host_key_policy: strict\n\n";
    private readonly AgentEnvironment noAgent = new(null);
    private readonly LabInventory inventory = LabInventory.With((InventorySsh, ""));
    private readonly string sshConfig = Path.Combine(Path.GetTempPath(), $"halb-ssh-config-{Guid.NewGuid():N}");

    public SshConfigLabTests() => LabFacts.RequireLabUp();

    public void Dispose()
    {
        File.Delete(sshConfig);
        inventory.Dispose();
        noAgent.Dispose();
    }

    private void WriteConfig(string lb2Port) => File.WriteAllText(sshConfig, $"""
        # halb-deploy lab test
        Host 10.211.0.1? !10.211.0.13
            User {LabFacts.SudoUser}
        Host 10.211.0.12
            Port {lb2Port}
        Host 10.211.0.13
            ProxyJump root@10.211.0.11
        Host 10.211.0.*
            User root
            Port 22
            IdentityFile {LabFacts.PrivateKey}
            UserKnownHostsFile {LabFacts.KnownHosts}
            StrictHostKeyChecking yes
        Match host 10.211.0.11
            User nobody
        """);

    [Fact]
    public async Task Apply_plan_and_verify_take_user_port_key_known_hosts_and_proxy_jump_from_the_ssh_config()
    {
        WriteConfig(lb2Port: "22");

        var log = sshConfig + ".log";
        var apply = await LabCli.RunAsync("apply", "-i", inventory.Path, "--ssh-config", sshConfig, "--log-file", log);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var logged = File.ReadAllText(log);
        File.Delete(log);
        Assert.Contains($"lb1: connected as {LabFacts.SudoUser}", logged);
        Assert.Contains($"lb2: connected as {LabFacts.SudoUser}", logged);
        Assert.Contains("lb3: connected as root", logged);
        Assert.Contains("lb3: through bastion root@10.211.0.11", logged);
        Assert.DoesNotContain("lb1: through bastion", logged);
        Assert.DoesNotContain("lb2: through bastion", logged);
        Assert.Contains($"{sshConfig}:14:1: warning: --ssh-config: Match blocks are not supported", apply.Error);

        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path, "--ssh-config", sshConfig);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        var verify = await LabCli.RunAsync("verify", "-i", inventory.Path, "--ssh-config", sshConfig);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public async Task The_port_of_a_Host_block_is_the_port_connected_to()
    {
        WriteConfig(lb2Port: "2222");

        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path, "--ssh-config", sshConfig);

        Assert.True(plan.ExitCode == 1, plan.ToString());
        Assert.Contains("lb2: cannot connect to [10.211.0.12]:2222", plan.All);
        Assert.Contains("connection refused (is sshd listening on port 2222?)", plan.All);
    }

    [Fact]
    public async Task Without_the_ssh_config_the_same_inventory_has_no_way_to_log_in()
    {
        WriteConfig(lb2Port: "22");

        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path, "--ssh-config", "none");

        Assert.True(plan.ExitCode is 1 or 2, plan.ToString());
        Assert.DoesNotContain("connected as", plan.All);
    }

    [Fact]
    public async Task A_ProxyJump_in_the_ssh_config_takes_the_nodes_behind_it_through_the_bastion()
    {
        File.WriteAllText(sshConfig, $"Host 10.211.0.11\n    ProxyJump none\nHost 10.211.0.*\n    IdentityFile {LabFacts.PrivateKey}\n    UserKnownHostsFile {LabFacts.KnownHosts}\n    ProxyJump root@10.211.0.11\n");

        var log = sshConfig + ".log";
        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path, "--ssh-config", sshConfig, "--log-file", log);
        var logged = File.ReadAllText(log);
        File.Delete(log);

        Assert.True(plan.ExitCode is 0 or 3, plan.ToString());
        Assert.Contains("lb2: through bastion root@10.211.0.11", logged);
        Assert.Contains("lb3: through bastion root@10.211.0.11", logged);
        Assert.DoesNotContain("lb1: through bastion", logged);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(logged, "bastion root@10.211.0.11: connected as root"));
    }
}
