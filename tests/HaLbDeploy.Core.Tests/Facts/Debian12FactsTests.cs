using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Debian 12: real recordings of the fact script on lab nodes (systemd-nspawn) and in a rootfs chroot.</summary>
public sealed class Debian12FactsTests
{
    [Fact]
    public void A_fresh_lab_node_is_debian_12_with_apt_and_systemd()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Fresh);

        Assert.Equal("lb1", facts.Hostname);
        Assert.Equal(("debian", "12", "Debian GNU/Linux 12 (bookworm)"), (facts.OsId, facts.OsVersionId, facts.OsPrettyName));
        Assert.Equal(OsFamily.Debian, facts.OsFamily);
        Assert.Equal(PackageManager.Apt, facts.PackageManager);
        Assert.True(facts.SystemdRunning);
        Assert.Equal(["apt-get", "dpkg-query", "systemctl", "ip", "ss", "stat", "sha256sum", "timeout"], facts.Tools);
    }

    [Fact]
    public void On_a_fresh_node_nothing_is_installed_and_no_unit_exists()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Fresh);

        Assert.True(facts.PackagesKnown);
        Assert.Null(facts.KeepalivedVersion);
        Assert.Null(facts.HaproxyVersion);
        Assert.Equal(["keepalived.service", "haproxy.service", "firewalld.service"], facts.Units.Select(u => u.Name));
        Assert.All(facts.Units, unit => Assert.False(unit.Exists || unit.Enabled || unit.Active));
        Assert.All(facts.Files, file => Assert.False(file.Exists));
        Assert.Equal(3, facts.Files.Count);
    }

    [Fact]
    public void A_fresh_node_has_neither_firewalld_nor_selinux_nor_a_listener()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Fresh);

        Assert.Equal(FirewalldStatus.NotInstalled, facts.Firewall.Status);
        Assert.Equal(SelinuxMode.Absent, facts.Selinux);
        Assert.Null(facts.HaproxyConnectAny);
        Assert.Empty(facts.FrontendListeners);
        Assert.True(facts.Complete);
        Assert.Empty(facts.Gaps);
    }

    [Fact]
    public void The_container_side_of_a_veth_pair_is_named_without_its_peer_suffix()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Fresh);

        var host0 = Assert.IsType<NetworkInterface>(facts.Interface("host0"));
        Assert.True(host0.LinkUp);
        Assert.Equal("10.211.0.11/24", Assert.Single(host0.Addresses).ToString());
    }

    [Fact]
    public void A_lab_node_running_only_keepalived_holds_the_vip()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12KeepalivedOnly);

        Assert.Equal("1:2.2.7-1+b2", facts.KeepalivedVersion);
        Assert.Null(facts.HaproxyVersion);
        Assert.True(facts.HoldsAddress(IPAddress.Parse("10.211.0.100")));
        Assert.Equal(["10.211.0.11/24", "10.211.0.100/24"], facts.Interface("host0")!.Addresses.Select(a => a.ToString()));
        var keepalived = facts.Keepalived!;
        Assert.True(keepalived.Enabled && keepalived.Active);
        Assert.Equal((504, 1375218546L, "573205c43cbd413aa45fb6959a92d4c2"), (keepalived.MainPid, keepalived.ActiveEnterTimestampMonotonic, keepalived.InvocationId));
        Assert.False(facts.Haproxy!.Exists);
    }

    [Fact]
    public void The_keepalived_config_on_the_lab_node_has_its_digest_and_mode()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12KeepalivedOnly);

        Assert.Equal(
            new ManagedFileState("/etc/keepalived/keepalived.conf", true, true, "dd063ad14aeb773d1c858b472134c970fc52cdabd046d7edc7d0a2e8bd784dab", "0644", "root", "root"),
            facts.File("/etc/keepalived/keepalived.conf"));
        Assert.False(facts.File("/etc/haproxy/haproxy.cfg")!.Exists);
    }

    [Fact]
    public void A_real_clock_reading_is_in_milliseconds_and_ordered()
    {
        var clock = RecordedFacts.Parse(RecordedFacts.Debian12KeepalivedOnly).Clock!;

        Assert.Equal(1795659138517, clock.StartEpochMilliseconds);
        Assert.Equal(1795659138562, clock.EndEpochMilliseconds);
    }

    [Fact]
    public void In_a_chroot_without_systemd_the_unit_states_are_a_gap_and_the_rest_is_read()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.Debian12Chroot);

        Assert.False(facts.SystemdRunning);
        Assert.Empty(facts.Units);
        Assert.Null(facts.Keepalived);
        Assert.Equal([new FactGap("units", "systemd is not running as PID 1")], facts.Gaps);
        Assert.True(facts.PackagesKnown);
        Assert.Null(facts.KeepalivedVersion);
        Assert.Equal(OsFamily.Debian, facts.OsFamily);
        Assert.Contains(facts.Interfaces, i => i.Name == "ifb0" && i.LinkUp == false);
    }
}
