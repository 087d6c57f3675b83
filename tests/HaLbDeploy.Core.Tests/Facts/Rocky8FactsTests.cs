using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Rocky 8.9 (hand-written recording): dnf, firewalld allows everything, enforcing, converged VRRP backup.</summary>
public sealed class Rocky8FactsTests
{
    private readonly NodeFacts _facts = RecordedFacts.Parse(RecordedFacts.Rocky8);

    [Fact]
    public void Rocky_8_is_RedHat_family_and_dnf_wins_over_its_yum_alias()
    {
        Assert.Equal(("rocky", "8.9"), (_facts.OsId, _facts.OsVersionId));
        Assert.Equal(OsFamily.RedHat, _facts.OsFamily);
        Assert.Contains("yum", _facts.Tools);
        Assert.Equal(PackageManager.Dnf, _facts.PackageManager);
        Assert.Equal("lb2.k8s.example.lan", _facts.Hostname);
    }

    [Fact]
    public void Both_packages_are_installed_with_their_rpm_versions()
    {
        Assert.Equal(("2.1.5-9.el8", "1.8.27-5.el8"), (_facts.KeepalivedVersion, _facts.HaproxyVersion));
    }

    [Fact]
    public void Both_services_are_enabled_and_running_each_with_its_own_invocation()
    {
        var keepalived = _facts.Keepalived!;
        var haproxy = _facts.Haproxy!;

        Assert.True(keepalived.Enabled && keepalived.Active && haproxy.Enabled && haproxy.Active);
        Assert.Equal("0f3c2d8a9b1e4c6d8e7f6a5b4c3d2e1f", keepalived.InvocationId);
        Assert.Equal((1351, 11912554L), (haproxy.MainPid, haproxy.ActiveEnterTimestampMonotonic));
        Assert.True(_facts.Unit("firewalld.service")!.Active);
    }

    [Fact]
    public void Firewalld_lets_vrrp_and_the_frontend_port_in_now_and_after_a_reload()
    {
        Assert.Equal(FirewalldStatus.Running, _facts.Firewall.Status);
        Assert.True(_facts.Firewall.AllowsVrrpOn("ens192"));
        Assert.True(_facts.Firewall.AllowsTcpPortOn("ens192", 6443));
        Assert.False(_facts.Firewall.AllowsTcpPortOn("ens192", 8443));
        Assert.Equal(["vrrp"], _facts.Firewall.PermanentZoneOf("ens192")!.Protocols);
    }

    [Fact]
    public void Selinux_enforces_and_haproxy_may_connect_to_any_port()
    {
        Assert.Equal(SelinuxMode.Enforcing, _facts.Selinux);
        Assert.True(_facts.HaproxyConnectAny);
    }

    [Fact]
    public void Haproxy_listens_on_the_frontend_port()
    {
        var listener = Assert.Single(_facts.FrontendListeners);

        Assert.Equal("0.0.0.0:6443", listener.LocalAddress);
        Assert.Equal(["haproxy"], listener.ProcessNames);
    }

    [Fact]
    public void The_managed_files_carry_their_digests_modes_and_owners()
    {
        Assert.Equal("0644", _facts.File("/etc/haproxy/haproxy.cfg")!.Mode);
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", _facts.File("/etc/keepalived/keepalived.conf")!.Sha256);
        Assert.Equal("0640", _facts.File("/etc/keepalived/keepalived.conf")!.Mode);
        Assert.Equal(("0755", "root", "root"), (_facts.File("/usr/libexec/keepalived/check_haproxy.sh")!.Mode, _facts.File("/usr/libexec/keepalived/check_haproxy.sh")!.Owner, _facts.File("/usr/libexec/keepalived/check_haproxy.sh")!.Group));
    }

    [Fact]
    public void A_backup_without_the_vip_still_lists_its_down_second_nic()
    {
        Assert.False(_facts.HoldsAddress(IPAddress.Parse("192.168.88.201")));
        Assert.True(_facts.Interface("ens192")!.LinkUp);
        var ens224 = _facts.Interface("ens224")!;
        Assert.False(ens224.LinkUp);
        Assert.Empty(ens224.Addresses);
    }

    [Fact]
    public void Every_fact_was_read()
    {
        Assert.True(_facts.Complete);
        Assert.Empty(_facts.Gaps);
    }
}
