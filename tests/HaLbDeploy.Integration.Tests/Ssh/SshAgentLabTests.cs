using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// Logging in through a real ssh-agent started by the test (its PID ended by the test), with no key in the
/// inventory. The lab's passphrase-protected key is added with ssh-add through an askpass script, so only the
/// agent knows it unlocked. Needs `sudo lab/lab up`.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SshAgentLabTests : IDisposable
{
    private readonly RunningSshAgent agent = new();
    private readonly AgentEnvironment environment;
    private readonly LabInventory inventory = LabInventory.With(("  private_key: /var/lib/halb-lab/id_ed25519\n", ""));

    public SshAgentLabTests()
    {
        LabFacts.RequireLabUp();
        environment = new AgentEnvironment(agent.SocketPath);
    }

    public void Dispose()
    {
        inventory.Dispose();
        environment.Dispose();
        agent.Dispose();
    }

    [Fact]
    public async Task Apply_plan_verify_and_failover_test_log_in_with_the_agent_alone()
    {
        var unauthorised = Path.Combine(Path.GetTempPath(), $"halb-unauthorised-{Guid.NewGuid():N}");
        LocalTool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "not-authorised", "-f", unauthorised);
        agent.Add(unauthorised);
        agent.Add(LabFacts.PassphraseKey, LabFacts.KeyPassphraseFile);
        File.Delete(unauthorised);
        File.Delete(unauthorised + ".pub");

        var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        var verify = await LabCli.RunAsync("verify", "-i", inventory.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        var failover = await LabCli.RunAsync("failover-test", "-i", inventory.Path, "--node", "lb1");
        Assert.True(failover.ExitCode == 0, failover.ToString());
    }

    [Fact]
    public async Task With_the_agent_stopped_plan_fails_naming_the_agent_socket_and_exits_1()
    {
        agent.Add(LabFacts.PassphraseKey, LabFacts.KeyPassphraseFile);
        agent.Stop();

        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);

        Assert.True(plan.ExitCode == 1, plan.ToString());
        Assert.Contains("no way to log in: the SSH agent could not be used", plan.All);
        Assert.Contains(agent.SocketPath, plan.All);
    }

    [Fact]
    public async Task An_agent_without_a_key_the_nodes_accept_fails_the_login_naming_the_keys_it_offered()
    {
        var stranger = Path.Combine(Path.GetTempPath(), $"halb-stranger-{Guid.NewGuid():N}");
        LocalTool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stranger", "-f", stranger);
        agent.Add(stranger);
        File.Delete(stranger);
        File.Delete(stranger + ".pub");

        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);

        Assert.True(plan.ExitCode == 1, plan.ToString());
        Assert.Contains("login as root failed, offered public key agent key ssh-ed25519 SHA256:", plan.All);
        Assert.Contains("(stranger)", plan.All);
    }

    [Theory]
    [InlineData("ecdsa", "256")]
    [InlineData("ecdsa", "521")]
    [InlineData("rsa", "3072")]
    public async Task An_ecdsa_or_rsa_key_in_the_agent_logs_in(string type, string bits)
    {
        var key = Path.Combine(Path.GetTempPath(), $"halb-{type}-{Guid.NewGuid():N}");
        LocalTool.Run("ssh-keygen", "-q", "-t", type, "-b", bits, "-N", "", "-C", $"agent-{type}", "-f", key);
        var publicKey = File.ReadAllText(key + ".pub").Trim();
        agent.Add(key);
        File.Delete(key);
        File.Delete(key + ".pub");
        await LabNodeShell.RunOnAllAsync($"cp /root/.ssh/authorized_keys /root/.ssh/authorized_keys.halb-test && echo '{publicKey}' >> /root/.ssh/authorized_keys");
        try
        {
            // No other way in: no key in the inventory, no password, no ~/.ssh on the control host.
            var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);

            Assert.True(plan.ExitCode is 0 or 3, plan.ToString());
            Assert.DoesNotContain("login as root failed", plan.All);
        }
        finally
        {
            await LabNodeShell.RunOnAllAsync("mv /root/.ssh/authorized_keys.halb-test /root/.ssh/authorized_keys");
        }
    }

    /// <summary>
    /// Only for the user halb (a Match block), so that root with the lab's ed25519 key can still undo it.
    /// </summary>
    [Fact]
    public async Task An_rsa_key_in_the_agent_signs_with_rsa_sha2_256_when_the_nodes_accept_only_that()
    {
        const string dropIn = "/etc/ssh/sshd_config.d/halb-test-rsa-sha2-256.conf";
        const string keys = "/home/halb/.ssh/authorized_keys";
        var key = Path.Combine(Path.GetTempPath(), $"halb-rsa-{Guid.NewGuid():N}");
        LocalTool.Run("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-C", "agent-rsa-256", "-f", key);
        var publicKey = File.ReadAllText(key + ".pub").Trim();
        agent.Add(key);
        File.Delete(key);
        File.Delete(key + ".pub");
        await LabNodeShell.RunOnAllAsync(
            $"cp -p {keys} {keys}.halb-test && echo '{publicKey}' >> {keys} && " +
            $"printf 'Match User halb\n    PubkeyAcceptedAlgorithms rsa-sha2-256\n' > {dropIn} && sshd -t && systemctl reload ssh && " +
            "sshd -T -C user=halb,host=control,addr=10.211.0.1 | grep -qx 'pubkeyacceptedalgorithms rsa-sha2-256'");
        try
        {
            using var asHalb = LabInventory.With(("  private_key: /var/lib/halb-lab/id_ed25519\n", ""), ("  user: root\n", "  user: halb\n"));

            var plan = await LabCli.RunAsync("plan", "-i", asHalb.Path);

            Assert.True(plan.ExitCode is 0 or 3, plan.ToString());
        }
        finally
        {
            await LabNodeShell.RunOnAllAsync($"rm -f {dropIn} && systemctl reload ssh && mv {keys}.halb-test {keys}");
        }
    }
}
