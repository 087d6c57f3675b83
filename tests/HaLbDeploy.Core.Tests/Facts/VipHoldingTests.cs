using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Planning;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>
/// "Does this node hold the VIP" has one rule, <see cref="VipHolding"/>. Each reader's real script runs here under
/// dash with `ip` answering the given `ip -o -4 addr show` text (a shell function shadows the tool; the scripts
/// set PATH, which functions are not looked up in), and the reader's verdict must be the rule's.
/// </summary>
public sealed class VipHoldingTests
{
    private const string Lo = "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n";
    private const string Eth0 = "2: eth0    inet 10.0.0.11/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever preferred_lft forever\n";

    /// <summary>(what, VIP, ip's output, held by the rule).</summary>
    public static TheoryData<string, string, string, bool> Entries() => new()
    {
        { "the vip as a secondary address", "10.0.0.100", Lo + Eth0 + "2: eth0    inet 10.0.0.100/24 scope global secondary eth0\\       valid_lft forever preferred_lft forever\n", true },
        { "a backup without the vip", "10.0.0.100", Lo + Eth0, false },
        { "no address at all", "10.0.0.100", "", false },
        { "the vip on another interface", "10.0.0.100", Lo + Eth0 + "3: eth1    inet 10.0.0.100/24 scope global eth1\\       valid_lft forever preferred_lft forever\n", true },
        { "the vip as /32 on lo", "10.0.0.100", Lo + "1: lo    inet 10.0.0.100/32 scope global lo\\       valid_lft forever preferred_lft forever\n" + Eth0, true },
        { "the vip with a label", "10.0.0.100", Lo + Eth0 + "2: eth0    inet 10.0.0.100/24 scope global secondary eth0:vip\\       valid_lft forever preferred_lft forever\n", true },
        { "a dhcp address with metric that is the vip", "10.20.0.11", "2: ens3    inet 10.20.0.11/24 metric 100 brd 10.20.0.255 scope global dynamic ens3\\       valid_lft 3012sec preferred_lft 3012sec\n", true },
        { "10.0.0.10 is not 10.0.0.100", "10.0.0.10", Lo + "2: eth0    inet 10.0.0.100/24 scope global secondary eth0\\       valid_lft forever preferred_lft forever\n", false },
        { "10.0.0.100 is not 110.0.0.100", "10.0.0.100", Lo + "2: eth0    inet 110.0.0.100/24 scope global eth0\\       valid_lft forever preferred_lft forever\n", false },
        { "a broadcast address equal to the vip", "10.0.0.100", "2: eth0    inet 10.0.0.11/25 brd 10.0.0.100 scope global eth0\\       valid_lft forever preferred_lft forever\n", false },
        { "a point-to-point entry of other addresses", "10.0.0.100", Lo + Eth0 + "5: tun0    inet 10.8.0.1 peer 10.8.0.2/32 scope global tun0\\       valid_lft forever preferred_lft forever\n", false },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_rule_reads_ip_lines(string what, string vip, string ipOutput, bool held)
    {
        Assert.True(held == VipHolding.HoldsIn(Lines(ipOutput), IPAddress.Parse(vip)), what);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_samplers_shell_case_agrees_with_the_rule(string what, string vip, string ipOutput, bool held)
    {
        var output = VipSamplerScript.Parse(RunWithIp(VipSamplerScript.Build(IPAddress.Parse(vip), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)), ipOutput, withoutBash: true));

        Assert.True(output.Complete, what);
        Assert.NotEmpty(output.Samples);
        Assert.All(output.Samples, s => Assert.True(s.HoldsVip == VipHolding.HoldsIn(Lines(ipOutput), IPAddress.Parse(vip)) && s.HoldsVip == held, what));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_samplers_bash_loop_agrees_with_the_rule(string what, string vip, string ipOutput, bool held)
    {
        var output = VipSamplerScript.Parse(RunUnderBashWithIp(VipSamplerScript.Build(IPAddress.Parse(vip), TimeSpan.FromMilliseconds(120), TimeSpan.FromMilliseconds(50)), ipOutput));

        Assert.True(output.Complete, what);
        Assert.NotEmpty(output.Samples);
        Assert.All(output.Samples, s => Assert.True(s.HoldsVip == held, what));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_health_probe_agrees_with_the_rule(string what, string vip, string ipOutput, bool held)
    {
        var health = HealthProbe.Parse(RunWithIp(HealthProbe.Script, ipOutput));

        Assert.True(health.Holds(IPAddress.Parse(vip)) == held, what);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_status_script_of_verify_agrees_with_the_rule(string what, string vip, string ipOutput, bool held)
    {
        var status = NodeStatusScript.Parse("here", IPAddress.Parse(vip), RunWithIp(NodeStatusScript.Build("eth0"), ipOutput));

        Assert.True(status.HoldsVip == held, what);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_facts_of_plan_and_apply_agree_with_the_rule(string what, string vip, string ipOutput, bool held)
    {
        var facts = FactParser.Parse(RunWithIp(FactScript.Build([], 6443), ipOutput));

        Assert.True(facts.HoldsAddress(IPAddress.Parse(vip)) == held, what);
    }

    [Fact]
    public void The_addresses_of_both_families_are_read_from_ip_addr_lines_so_ipv6_vips_are_seen()
    {
        var lines = new[]
        {
            "2: host0    inet 10.211.0.11/24 brd 10.211.0.255 scope global host0\\       valid_lft forever preferred_lft forever",
            "2: host0    inet6 fd00:211::106/64 scope global nodad \\       valid_lft forever preferred_lft forever",
            "2: host0    inet6 fe80::1/64 scope link \\       valid_lft forever preferred_lft forever",
        };

        var addresses = VipHolding.LocalAddressesOfBothFamilies(lines).Select(a => a.ToString()).ToList();

        Assert.Equal(["10.211.0.11", "fd00:211::106", "fe80::1"], addresses);
        Assert.False(VipHolding.HoldsIn(lines, System.Net.IPAddress.Parse("fd00:211::106")), "the IPv4 rule of the one-VIP readers stays IPv4 only");
    }

    [Fact]
    public void A_point_to_point_entry_is_the_one_form_where_the_shell_needle_and_the_rule_differ()
    {
        const string tunnel = "5: tun0    inet 10.8.0.1 peer 10.8.0.2/32 scope global tun0\\       valid_lft forever preferred_lft forever\n";

        // The rule: the local address is held, the peer is not. The needle finds the peer's "/" and not the local address.
        Assert.True(VipHolding.HoldsIn(Lines(tunnel), IPAddress.Parse("10.8.0.1")));
        Assert.False(VipHolding.HoldsIn(Lines(tunnel), IPAddress.Parse("10.8.0.2")));
        Assert.DoesNotContain(VipHolding.ShellNeedle(IPAddress.Parse("10.8.0.1")), tunnel);
        Assert.Contains(VipHolding.ShellNeedle(IPAddress.Parse("10.8.0.2")), tunnel);
    }

    [Fact]
    public void Keepalived_adds_the_vip_with_its_prefix_and_no_peer_so_it_is_never_that_form()
    {
        var conf = PlanningFixtures.Desired().File(NodePaths.KeepalivedConfig).Content;
        var block = conf[conf.IndexOf("virtual_ipaddress {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf('}')];

        Assert.Contains($"{PlanningFixtures.Inventory.Vip.Address}/{PlanningFixtures.Inventory.Vip.PrefixLength} dev", block);
        Assert.DoesNotContain("peer", block);
    }

    [Fact]
    public void The_sampler_looks_for_the_needle_of_the_rule()
    {
        var vip = IPAddress.Parse("10.0.0.1");

        Assert.Equal(" 10.0.0.1/", VipHolding.ShellNeedle(vip));
        Assert.Contains($"halb_vip={ScriptKit.Quote(VipHolding.ShellNeedle(vip))}\n", VipSamplerScript.Build(vip, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)));
    }

    private static string[] Lines(string ipOutput) => ipOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The script with `ip` printing <paramref name="ipAddrOutput"/> for its address listing (and nothing for its link
    /// listing), a fixed clock, no sleeping and no systemd: the sampler then takes its full cap of samples at once.
    /// With <paramref name="withoutBash"/>, `command` finds no tool, so the sampler takes its sh loop.
    /// </summary>
    private static string RunWithIp(string script, string ipAddrOutput, bool withoutBash = false)
    {
        var fakes = FakeIp(ipAddrOutput) + "date() { echo 1795661375357150571; }\nsleep() { :; }\nsystemctl() { :; }\n" + (withoutBash ? "command() { return 1; }\n" : "");
        var result = LocalShell.Run("dash", fakes + script);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }

    /// <summary>Runs a script under bash with `ip` faked and exported, so that the sampler's bash loop (a child bash) calls the fake.</summary>
    private static string RunUnderBashWithIp(string script, string ipAddrOutput)
    {
        var result = LocalShell.Run("bash", FakeIp(ipAddrOutput) + "systemctl() { :; }\nexport -f ip systemctl\n" + script);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }

    private static string FakeIp(string ipAddrOutput) =>
        "ip() {\n  case \"$*\" in\n    *addr*) cat <<'HALB_FAKE_IP'\n" + ipAddrOutput + "HALB_FAKE_IP\n    ;;\n  esac\n}\n";
}
