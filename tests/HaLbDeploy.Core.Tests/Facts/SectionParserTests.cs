using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Each command's parser on the variants its command prints across versions.</summary>
public sealed class SectionParserTests
{
    [Fact]
    public void Os_release_values_may_be_unquoted_double_or_single_quoted_with_escapes()
    {
        var release = OsRelease.Parse(["# comment", "ID=fedora", "VERSION_ID='40'", "PRETTY_NAME=\"Fedora \\\"Forty\\\" \\$x\"", "junk", "=nokey"]);

        Assert.Equal(("fedora", "40", "Fedora \"Forty\" $x"), (release.Id, release.VersionId, release.PrettyName));
        Assert.Equal(OsFamily.RedHat, release.Family);
    }

    [Theory]
    [InlineData("ID=debian", OsFamily.Debian)]
    [InlineData("ID=linuxmint\nID_LIKE=\"ubuntu debian\"", OsFamily.Debian)]
    [InlineData("ID=\"ol\"\nID_LIKE=\"fedora\"", OsFamily.RedHat)]
    [InlineData("ID=\"rhel\"", OsFamily.RedHat)]
    [InlineData("ID=alpine", OsFamily.Unknown)]
    [InlineData("", OsFamily.Unknown)]
    public void The_family_comes_from_id_or_id_like(string text, OsFamily family)
    {
        Assert.Equal(family, OsRelease.Parse(text.Split('\n')).Family);
    }

    [Fact]
    public void Dpkg_counts_only_packages_whose_status_is_installed()
    {
        var installed = InstalledPackagesParser.Parse("dpkg",
        [
            "haproxy install ok installed 2.6.12-1+deb12u1",
            "keepalived deinstall ok config-files 1:2.2.7-1+b2",
            "ipvsadm unknown ok not-installed ",
            "curl install reinstreq half-installed 7.88.1-10",
        ]);

        Assert.Equal(new Dictionary<string, string> { ["haproxy"] = "2.6.12-1+deb12u1" }, installed);
    }

    [Fact]
    public void Rpm_skips_its_not_installed_message_printed_on_stdout()
    {
        var installed = InstalledPackagesParser.Parse("rpm", ["package keepalived is not installed", "haproxy 1.5.18-9.el7_9.1"]);

        Assert.Equal(new Dictionary<string, string> { ["haproxy"] = "1.5.18-9.el7_9.1" }, installed);
    }

    [Fact]
    public void Ip_reads_point_to_point_addresses_veth_names_and_skips_what_it_cannot_read()
    {
        var addresses = IpOutputParser.ParseAddresses(
        [
            @"3: tun0    inet 10.8.0.1 peer 10.8.0.2/32 scope global tun0\       valid_lft forever preferred_lft forever",
            @"4: eth1@if9    inet 172.16.0.5/16 brd 172.16.255.255 scope global eth1\       valid_lft forever preferred_lft forever",
            @"5: eth2    inet6 fe80::1/64 scope link",
            "not an ip line",
        ]);

        Assert.Equal(
            [("tun0", new InterfaceAddress(IPAddress.Parse("10.8.0.1"), 32)), ("eth1", new InterfaceAddress(IPAddress.Parse("172.16.0.5"), 16))],
            addresses);
    }

    [Theory]
    [InlineData("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500", true)]
    [InlineData("2: eth0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500", false)]
    [InlineData("2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN", false)]
    [InlineData("7: vb-lb1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500", true)]
    public void A_link_is_up_with_both_the_up_and_the_lower_up_flag(string line, bool up)
    {
        Assert.Equal(up, Assert.Single(IpOutputParser.ParseLinks([line])).LinkUp);
    }

    [Fact]
    public void Systemctl_blocks_are_keyed_by_id_whatever_the_property_order()
    {
        var units = SystemctlShowParser.Parse(
        [
            "Id=haproxy.service", "ActiveState=reloading", "MainPID=77", "LoadState=loaded", "",
            "", "MainPID=0", "", "UnitFileState=enabled-runtime", "Id=keepalived.service",
        ]);

        Assert.Equal(["haproxy.service", "keepalived.service"], units.Select(u => u.Name));
        Assert.Equal(("reloading", 77), (units[0].ActiveState, units[0].MainPid));
        Assert.False(units[0].Active);
        Assert.True(units[1].Enabled);
    }

    [Fact]
    public void A_restart_is_told_from_a_reload_by_the_invocation_id()
    {
        var before = Unit(pid: 10, started: 500, invocation: "aaa");

        Assert.False(before.WasRestartedSince(before));
        Assert.True(Unit(pid: 10, started: 500, invocation: "bbb").WasRestartedSince(before));
        Assert.False(Unit(pid: 10, started: 500, invocation: "aaa", activeState: "reloading").WasRestartedSince(before));
    }

    [Fact]
    public void Without_invocation_ids_systemd_219_restarts_are_told_by_start_time_then_pid()
    {
        Assert.True(Unit(pid: 10, started: 900, invocation: null).WasRestartedSince(Unit(pid: 10, started: 500, invocation: null)));
        Assert.False(Unit(pid: 10, started: 500, invocation: null).WasRestartedSince(Unit(pid: 10, started: 500, invocation: null)));
        Assert.True(Unit(pid: 11, started: null, invocation: null).WasRestartedSince(Unit(pid: 10, started: null, invocation: null)));
    }

    [Fact]
    public void A_unit_that_is_down_now_was_not_restarted()
    {
        Assert.False(Unit(pid: null, started: 900, invocation: "bbb", activeState: "failed").WasRestartedSince(Unit(pid: 10, started: 500, invocation: "aaa")));
    }

    [Fact]
    public void Ss_reads_the_old_centos_7_layout_and_rows_without_process_information()
    {
        var listeners = ListenerParser.Parse(
        [
            "State      Recv-Q Send-Q Local Address:Port               Peer Address:Port              ",
            "LISTEN     0      128          *:6443                     *:*                   users:((\"haproxy\",pid=1500,fd=5))",
            "LISTEN     0      128       [::]:6443                  [::]:*",
        ]);

        Assert.Equal(["*:6443", "[::]:6443"], listeners.Select(l => l.LocalAddress));
        Assert.Equal(["haproxy"], listeners[0].ProcessNames);
        Assert.Empty(listeners[1].ProcessNames);
    }

    [Theory]
    [InlineData("stat 4755 root root regular file", "4755", true)]
    [InlineData("stat 0 nobody nogroup regular empty file", "0000", true)]
    [InlineData("stat 777 root root symbolic link", "0777", false)]
    [InlineData("stat 755 root root directory", "0755", false)]
    public void Stat_modes_are_four_octal_digits_and_only_regular_files_count_as_files(string line, string mode, bool regular)
    {
        var file = ManagedFileParser.Parse("/x", [line]);

        Assert.Equal((mode, regular), (file.Mode, file.IsRegularFile));
    }

    [Fact]
    public void A_digest_is_kept_in_lower_case_and_a_malformed_one_is_dropped()
    {
        Assert.Equal(new string('a', 64), ManagedFileParser.Parse("/x", ["sha256 " + new string('A', 64) + "  -"]).Sha256);
        Assert.Null(ManagedFileParser.Parse("/x", ["sha256 abc  -"]).Sha256);
    }

    [Theory]
    [InlineData("1717059601123456789", 1717059601123L)]
    [InlineData("1717059601N", 1717059601000L)]
    [InlineData("1717059601%N", 1717059601000L)]
    [InlineData("1717059601", 1717059601000L)]
    [InlineData("17170596011234", null)]
    [InlineData("soon", null)]
    [InlineData("1717059601.5", null)]
    public void The_clock_reads_nanoseconds_or_falls_back_to_seconds(string text, long? milliseconds)
    {
        Assert.Equal(milliseconds, EpochClockParser.Parse([text]));
    }

    [Fact]
    public void The_clock_offset_compares_the_midpoints_of_the_round_trip_and_the_script()
    {
        var sent = DateTimeOffset.FromUnixTimeMilliseconds(1_000_000);
        var received = sent.AddMilliseconds(200);
        var node = new NodeClockReading(1_002_080, 1_002_120);

        Assert.Equal(1_002_100, node.MidpointEpochMilliseconds);
        Assert.Equal(TimeSpan.FromMilliseconds(2000), node.OffsetFrom(sent, received));
    }

    [Fact]
    public void Modern_zone_headers_and_forward_ports_continuations_are_read()
    {
        var zones = FirewallZoneListParser.Parse(
        [
            "public (default, active)",
            "  target: default",
            "  ingress-priority: 0",
            "  interfaces: eth0 eth1",
            "  sources: 10.0.0.0/8",
            "  ports: 6443/tcp 30000-32767/tcp",
            "  protocols: vrrp",
            "  forward: yes",
            "  forward-ports: ",
            "\tport=80:proto=tcp:toport=8080:toaddr=",
            "  rich rules: ",
            "\trule family=\"ipv4\" source address=\"10.0.0.12\" protocol value=\"vrrp\" accept",
            "",
            "trusted",
            "  target: ACCEPT",
        ]);

        Assert.Equal(["public", "trusted"], zones.Select(z => z.Name));
        Assert.Equal(["eth0", "eth1"], zones[0].Interfaces);
        Assert.Equal(["10.0.0.0/8"], zones[0].Sources);
        Assert.Equal(["rule family=\"ipv4\" source address=\"10.0.0.12\" protocol value=\"vrrp\" accept"], zones[0].RichRules);
        Assert.True(zones[0].AllowsTcpPort(31000));
        Assert.True(zones[1].AcceptsEverything);
        Assert.True(zones[1].AllowsProtocol("vrrp") && zones[1].AllowsTcpPort(6443));
    }

    [Theory]
    [InlineData("rule protocol value=\"vrrp\" accept", true, false)]
    [InlineData("rule family=\"ipv4\" source address=\"192.168.88.92\" protocol value=\"vrrp\" accept", true, false)]
    [InlineData("rule family=\"ipv6\" protocol value=\"vrrp\" accept", false, false)]
    [InlineData("rule protocol value=\"vrrp\" drop", false, false)]
    [InlineData("rule family=\"ipv4\" port port=\"6443\" protocol=\"tcp\" accept", false, true)]
    [InlineData("rule family=\"ipv4\" source address=\"10.0.0.0/8\" port port=\"6000-7000\" protocol=\"tcp\" log prefix=\"api: \" level=\"info\" accept", false, true)]
    [InlineData("rule family=\"ipv4\" port port=\"6443\" protocol=\"udp\" accept", false, false)]
    [InlineData("rule family=\"ipv4\" port port=\"6443\" protocol=\"tcp\" reject", false, false)]
    public void Accepting_ipv4_rich_rules_let_vrrp_or_the_port_in(string rule, bool vrrp, bool port)
    {
        var zone = new FirewallZone("public", "default", [], [], [], [], [], [rule]);

        Assert.Equal((vrrp, port), (zone.AllowsProtocol("vrrp"), zone.AllowsTcpPort(6443)));
    }

    [Fact]
    public void Services_never_count_as_opening_a_port()
    {
        var zone = new FirewallZone("public", "default", [], [], ["kube-apiserver", "https"], [], [], []);

        Assert.False(zone.AllowsTcpPort(6443));
    }

    [Fact]
    public void An_interface_bound_to_another_zone_is_judged_by_that_zone_in_both_configurations()
    {
        FirewallZone Zone(string name, string[] interfaces, string[] ports) => new(name, "default", interfaces, [], [], ports, [], []);
        var firewall = new FirewallState(
            FirewalldStatus.Running,
            "public",
            [Zone("public", [], ["6443/tcp"]), Zone("internal", ["eth1"], [])],
            [Zone("public", [], ["6443/tcp"]), Zone("internal", [], [])]);

        Assert.Equal("internal", firewall.RuntimeZoneOf("eth1")!.Name);
        Assert.Equal("internal", firewall.PermanentZoneOf("eth1")!.Name);
        Assert.False(firewall.AllowsTcpPortOn("eth1", 6443));
        Assert.Equal("public", firewall.RuntimeZoneOf("eth0")!.Name);
        Assert.True(firewall.AllowsTcpPortOn("eth0", 6443));
    }

    private static UnitState Unit(int? pid, long? started, string? invocation, string activeState = "active") =>
        new("haproxy.service", "loaded", "enabled", activeState, "running", pid, started, invocation);
}
