using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Verify;

/// <summary>
/// verify names firewalld as the cause of a split brain, on the EL9-like lab nodes (real firewalld 1.3, real
/// keepalived). Multicast VRRP on purpose: with unicast, conntrack lets the peer's adverts in as replies to the
/// node's own once it has sent one (measured: the lower node was MASTER for only 0.2-1.2 ms), so a missing rule
/// does not show as a lasting split brain; multicast adverts stay dropped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RhelFirewallVerifyLabTests
{
    private static readonly LabOsTier Tier = LabOsTier.El9;

    [Fact]
    public async Task With_multicast_vrrp_and_the_peer_rule_removed_at_runtime_verify_reports_the_split_brain_and_names_firewalld_with_the_fix()
    {
        LabFacts.RequireRhelLabUp();
        using var inventory = LabInventory.OfText(Tier.InventoryText(vrrpMode: "multicast"));
        var backup = Tier.Nodes[1];
        var rule = $"rule priority=\"-112\" family=\"ipv4\" source address=\"{Tier.First.Host.Address}\" destination address=\"224.0.0.18\" protocol value=\"vrrp\" accept";
        try
        {
            var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            Assert.Equal(0, (await LabVerify.UntilAsync(inventory.Path, r => r.ExitCode == 0, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500))).ExitCode);
            await LabNodeShell.RunAsync(backup.Name, $"firewall-cmd -q --remove-rich-rule='{rule}'");

            var run = await LabVerify.UntilAsync(inventory.Path, r => r.Output.Contains("split brain", StringComparison.Ordinal), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains($"UNHEALTHY: split brain: {Tier.First.Name}, {backup.Name} hold the VIP {Tier.Vip}", run.Output);
            Assert.Contains($"firewalld on {backup.Name} drops VRRP from {Tier.First.Name} ({Tier.First.Host.Address}): zone public has no rule accepting it", run.Output);
            Assert.Contains($"firewall-cmd --zone=public --add-rich-rule='{rule}'", run.Output);
            Assert.DoesNotContain($"firewalld on {Tier.First.Name}", run.Output);
        }
        finally
        {
            // apply puts the runtime rule back (the plan sees it missing there)
            var restore = await LabCli.RunAsync("apply", "-i", inventory.Path);
            Assert.True(restore.ExitCode == 0, restore.ToString());
        }
        Assert.Equal(0, (await LabVerify.UntilAsync(inventory.Path, r => r.ExitCode == 0, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500))).ExitCode);
    }
}
