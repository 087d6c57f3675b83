using System.Text.RegularExpressions;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>
/// firewalld least privilege on the EL9-like lab nodes (the real firewalld 1.3 on nftables): after apply, zone public
/// accepts VRRP only from the peer and opens the frontend port, at runtime and permanently, and nothing else changed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RhelFirewallLabTests
{
    private static readonly LabOsTier Tier = LabOsTier.El9;

    private static string VrrpFrom(LabTierNode peer) =>
        $"rule priority=\"-112\" family=\"ipv4\" source address=\"{peer.Host.Address}\" protocol value=\"vrrp\" accept";

    [Fact]
    public async Task After_apply_each_node_accepts_vrrp_only_from_its_peer_and_the_frontend_port_at_runtime_and_permanently_even_after_a_reload()
    {
        LabFacts.RequireRhelLabUp();
        using var inventory = LabInventory.OfText(Tier.InventoryText());
        await Task.WhenAll(Tier.Nodes.Select(n => LabNodeShell.RunAsync(n.Name, n.MakeFreshCommand(Tier.Vip))));
        var fresh = await ZoneAsync(Tier.First, "");

        var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        await LabNodeShell.RunAsync(Tier.First.Name, "firewall-cmd -q --reload");

        foreach (var node in Tier.Nodes)
        {
            var peer = Tier.Nodes.Single(n => n != node);
            foreach (var permanent in new[] { "", "--permanent " })
            {
                var zone = await ZoneAsync(node, permanent);
                Assert.Equal([VrrpFrom(peer)], zone.RichRules);
                Assert.Equal("6443/tcp", zone.Ports);
                Assert.Equal("", zone.Protocols);
                Assert.Equal(fresh.Services, zone.Services);
                Assert.Equal(fresh.Sources, zone.Sources);
                Assert.Equal("host0", zone.Interfaces);
            }
        }
    }

    [Fact]
    public async Task A_rule_removed_by_hand_makes_plan_exit_3_naming_it_and_apply_restores_it_and_our_rule_for_a_former_peer_goes()
    {
        LabFacts.RequireRhelLabUp();
        using var inventory = LabInventory.OfText(Tier.InventoryText());
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        var second = Tier.Nodes[1];
        var rule = VrrpFrom(Tier.First);
        var formerPeer = "rule priority=\"-112\" family=\"ipv4\" source address=\"10.211.0.19\" protocol value=\"vrrp\" accept";
        await LabNodeShell.RunAsync(second.Name,
            $"firewall-cmd -q --remove-rich-rule='{rule}' && firewall-cmd -q --permanent --remove-rich-rule='{rule}' && " +
            $"firewall-cmd -q --permanent --add-rich-rule='{formerPeer}' && firewall-cmd -q --reload");

        var plan = await LabCli.RunAsync("plan", "-i", inventory.Path);

        Assert.True(plan.ExitCode == 3, plan.ToString());
        Assert.Contains($"+ firewalld: accept VRRP from {Tier.First.Name} ({Tier.First.Host.Address}) on host0: {rule}", plan.Output);
        Assert.Contains($"- firewalld: remove {formerPeer}", plan.Output);
        Assert.Contains($"{Tier.First.Name} (VIP holder): no change", plan.Output);

        var apply = await LabCli.RunAsync("apply", "-i", inventory.Path);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        foreach (var permanent in new[] { "", "--permanent " })
            Assert.Equal([rule], (await ZoneAsync(second, permanent)).RichRules);
        Assert.Equal(0, (await LabCli.RunAsync("plan", "-i", inventory.Path)).ExitCode);
    }

    private static async Task<ZoneListing> ZoneAsync(LabTierNode node, string permanent)
    {
        var text = await LabNodeShell.RunAsync(node.Name, $"firewall-cmd {permanent}--zone=public --list-all");
        string Field(string name) => Regex.Match(text, $@"^\s*{name}:[ \t]*(.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        var rich = text[(text.IndexOf("rich rules:", StringComparison.Ordinal) + "rich rules:".Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new ZoneListing(Field("interfaces"), Field("sources"), Field("services"), Field("ports"), Field("protocols"), rich);
    }

    private sealed record ZoneListing(string Interfaces, string Sources, string Services, string Ports, string Protocols, IReadOnlyList<string> RichRules);
}
