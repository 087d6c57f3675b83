using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>`ssh.kex` against the lab's OpenSSH 9.2 (Debian 12), which has sntrup761x25519 but no ML-KEM. Needs `sudo lab/lab up`.</summary>
[Trait("Category", "Integration")]
public sealed class KeyExchangeLabTests
{
    public KeyExchangeLabTests() => LabFacts.RequireLabUp();

    [Fact]
    public async Task By_default_every_node_agrees_on_the_post_quantum_hybrid()
    {
        var logged = await PlanLogAsync(LabInventory.AsIs());

        foreach (var node in new[] { "lb1", "lb2", "lb3" }) Assert.Contains($"{node}: key exchange sntrup761x25519-sha512", logged);
        Assert.Contains("(ssh.kex: post-quantum)", logged);
    }

    [Fact]
    public async Task With_kex_classic_every_node_agrees_on_curve25519()
    {
        var logged = await PlanLogAsync(LabInventory.With(("ssh:\n  user: root", "ssh:\n  kex: classic\n  user: root")));

        foreach (var node in new[] { "lb1", "lb2", "lb3" }) Assert.Contains($"{node}: key exchange curve25519-sha256 (ssh.kex: classic)", logged);
        Assert.DoesNotContain("key exchange sntrup", logged);
    }

    private static async Task<string> PlanLogAsync(LabInventory inventory)
    {
        using (inventory)
        {
            var log = inventory.Path + ".log";
            try
            {
                var plan = await LabCli.RunAsync("plan", "-i", inventory.Path, "--log-file", log);
                // 0: converged, 3: changes pending (a fresh lab); either way every node was connected to and read.
                Assert.True(plan.ExitCode is 0 or 3, plan.ToString());
                return File.ReadAllText(log);
            }
            finally
            {
                File.Delete(log);
            }
        }
    }
}
