using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>AlmaLinux 9.4 (hand-written recording): dnf, firewalld installed but stopped, permissive, VIP holder.</summary>
public sealed class Alma9FactsTests
{
    private readonly NodeFacts _facts = RecordedFacts.Parse(RecordedFacts.Alma9);

    [Fact]
    public void Alma_9_is_RedHat_family_with_dnf()
    {
        Assert.Equal(("almalinux", "9.4", "AlmaLinux 9.4 (Seafoam Ocelot)"), (_facts.OsId, _facts.OsVersionId, _facts.OsPrettyName));
        Assert.Equal(OsFamily.RedHat, _facts.OsFamily);
        Assert.Equal(PackageManager.Dnf, _facts.PackageManager);
        Assert.Equal(("2.2.8-3.el9", "2.4.22-3.el9_3"), (_facts.KeepalivedVersion, _facts.HaproxyVersion));
    }

    [Fact]
    public void A_stopped_firewalld_is_known_to_filter_nothing_and_lists_no_zones()
    {
        Assert.Equal(FirewalldStatus.NotRunning, _facts.Firewall.Status);
        Assert.False(_facts.Firewall.IsRunning);
        Assert.Empty(_facts.Firewall.RuntimeZones);
        Assert.False(_facts.Firewall.AllowsVrrpOn("eth0"));
        var firewalld = _facts.Unit("firewalld")!;
        Assert.True(firewalld.Exists);
        Assert.False(firewalld.Enabled);
        Assert.Equal("disabled", firewalld.UnitFileState);
    }

    [Fact]
    public void Selinux_is_permissive_with_haproxy_connect_any_off()
    {
        Assert.Equal(SelinuxMode.Permissive, _facts.Selinux);
        Assert.False(_facts.HaproxyConnectAny);
    }

    [Fact]
    public void The_vip_is_held_as_a_host_address_and_the_altname_does_not_confuse_the_link()
    {
        var eth0 = _facts.Interface("eth0")!;

        Assert.True(eth0.LinkUp);
        Assert.Contains(new InterfaceAddress(IPAddress.Parse("10.10.0.100"), 32), eth0.Addresses);
        Assert.True(_facts.HoldsAddress(IPAddress.Parse("10.10.0.100")));
        Assert.Null(_facts.Interface("enp1s0"));
    }

    [Fact]
    public void The_master_and_the_worker_of_haproxy_are_named_once()
    {
        Assert.Equal(["haproxy"], Assert.Single(_facts.FrontendListeners).ProcessNames);
    }

    [Fact]
    public void The_keepalived_config_is_private_to_root()
    {
        Assert.Equal(("0600", "root", "root"), (_facts.File("/etc/keepalived/keepalived.conf")!.Mode, _facts.File("/etc/keepalived/keepalived.conf")!.Owner, _facts.File("/etc/keepalived/keepalived.conf")!.Group));
    }

    [Fact]
    public void Every_fact_was_read()
    {
        Assert.True(_facts.Complete);
        Assert.Empty(_facts.Gaps);
    }
}
