using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>CentOS 7.9 (hand-written recording): yum, firewalld running, SELinux enforcing, keepalived 1.3.5 only.</summary>
public sealed class CentOs7FactsTests
{
    private readonly NodeFacts _facts = RecordedFacts.Parse(RecordedFacts.CentOs7);

    [Fact]
    public void CentOS_7_is_a_RedHat_family_node_managed_with_yum()
    {
        Assert.Equal("lb1", _facts.Hostname);
        Assert.Equal(("centos", "7", "CentOS Linux 7 (Core)"), (_facts.OsId, _facts.OsVersionId, _facts.OsPrettyName));
        Assert.Equal(OsFamily.RedHat, _facts.OsFamily);
        Assert.Equal(PackageManager.Yum, _facts.PackageManager);
        Assert.True(_facts.SystemdRunning);
    }

    [Fact]
    public void Keepalived_1_3_5_is_installed_and_haproxy_is_not()
    {
        Assert.True(_facts.PackagesKnown);
        Assert.Equal("1.3.5-19.el7", _facts.KeepalivedVersion);
        Assert.Null(_facts.HaproxyVersion);
    }

    [Fact]
    public void Keepalived_runs_enabled_and_systemd_219_tells_its_start_time_but_no_invocation_id()
    {
        var keepalived = Assert.IsType<UnitState>(_facts.Keepalived);

        Assert.True(keepalived.Exists);
        Assert.True(keepalived.Enabled);
        Assert.True(keepalived.Active);
        Assert.Equal(("active", "running"), (keepalived.ActiveState, keepalived.SubState));
        Assert.Equal(1187, keepalived.MainPid);
        Assert.Equal(9481733, keepalived.ActiveEnterTimestampMonotonic);
        Assert.Null(keepalived.InvocationId);
    }

    [Fact]
    public void The_haproxy_unit_does_not_exist_yet()
    {
        var haproxy = Assert.IsType<UnitState>(_facts.Haproxy);

        Assert.False(haproxy.Exists);
        Assert.False(haproxy.Enabled);
        Assert.False(haproxy.Active);
        Assert.Null(haproxy.MainPid);
        Assert.Null(haproxy.ActiveEnterTimestampMonotonic);
    }

    [Fact]
    public void The_node_holds_the_vip_as_a_secondary_address_on_eth0()
    {
        var eth0 = Assert.IsType<NetworkInterface>(_facts.Interface("eth0"));

        Assert.True(eth0.LinkUp);
        Assert.Equal(["192.168.88.91/24", "192.168.88.201/24"], eth0.Addresses.Select(a => a.ToString()));
        Assert.True(_facts.HoldsAddress(IPAddress.Parse("192.168.88.201")));
        Assert.False(_facts.HoldsAddress(IPAddress.Parse("192.168.88.92")));
        Assert.Equal(["lo", "eth0"], _facts.Interfaces.Select(i => i.Name));
    }

    [Fact]
    public void Firewalld_runs_with_the_public_zone_holding_eth0()
    {
        Assert.True(_facts.Firewall.IsRunning);
        Assert.Equal("public", _facts.Firewall.DefaultZone);
        Assert.Equal(9, _facts.Firewall.RuntimeZones.Count);
        Assert.Equal(9, _facts.Firewall.PermanentZones.Count);
        var zone = Assert.IsType<FirewallZone>(_facts.Firewall.RuntimeZoneOf("eth0"));
        Assert.Equal("public", zone.Name);
        Assert.Equal(["eth0"], zone.Interfaces);
        Assert.Equal(["dhcpv6-client", "ssh"], zone.Services);
        Assert.Equal(["rule protocol value=\"vrrp\" accept"], zone.RichRules);
    }

    [Fact]
    public void Vrrp_is_let_in_by_a_rich_rule_in_the_running_and_the_saved_configuration()
    {
        Assert.True(_facts.Firewall.AllowsVrrpOn("eth0"));
    }

    [Fact]
    public void The_frontend_port_opened_only_at_runtime_does_not_count_as_allowed()
    {
        Assert.True(_facts.Firewall.RuntimeZoneOf("eth0")!.AllowsTcpPort(6443));
        Assert.False(_facts.Firewall.PermanentZoneOf("eth0")!.AllowsTcpPort(6443));
        Assert.False(_facts.Firewall.AllowsTcpPortOn("eth0", 6443));
    }

    [Fact]
    public void Selinux_enforces_and_haproxy_may_not_connect_to_any_port()
    {
        Assert.Equal(SelinuxMode.Enforcing, _facts.Selinux);
        Assert.False(_facts.HaproxyConnectAny);
    }

    [Fact]
    public void Only_the_stock_keepalived_conf_exists_among_the_managed_files()
    {
        Assert.Equal(
            new ManagedFileState("/etc/keepalived/keepalived.conf", true, true, "5b3c3e0e4a8f1d2c7b9a6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291", "0644", "root", "root"),
            _facts.File("/etc/keepalived/keepalived.conf"));
        Assert.Equal(ManagedFileState.Absent("/etc/haproxy/haproxy.cfg"), _facts.File("/etc/haproxy/haproxy.cfg"));
        Assert.False(_facts.File("/usr/libexec/keepalived/check_haproxy.sh")!.Exists);
    }

    [Fact]
    public void Nothing_listens_on_the_frontend_port_under_the_old_ss_header()
    {
        Assert.Equal([6443], _facts.FrontendPorts);
        Assert.Empty(_facts.FrontendListeners);
    }

    [Fact]
    public void The_clock_is_read_to_the_millisecond_before_and_after_the_slow_firewall_calls()
    {
        Assert.Equal(new NodeClockReading(1717059601123, 1717059602034), _facts.Clock);
    }

    [Fact]
    public void Every_fact_was_read()
    {
        Assert.True(_facts.Complete);
        Assert.Empty(_facts.Gaps);
    }
}
