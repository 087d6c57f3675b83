using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Ubuntu 22.04 (hand-written recording): apt, haproxy serving, keepalived failed to start.</summary>
public sealed class Ubuntu2204FactsTests
{
    private readonly NodeFacts _facts = RecordedFacts.Parse(RecordedFacts.Ubuntu2204);

    [Fact]
    public void Ubuntu_is_Debian_family_by_its_id_like_and_uses_apt()
    {
        Assert.Equal(("ubuntu", "22.04", "Ubuntu 22.04.4 LTS"), (_facts.OsId, _facts.OsVersionId, _facts.OsPrettyName));
        Assert.Equal(OsFamily.Debian, _facts.OsFamily);
        Assert.Equal(PackageManager.Apt, _facts.PackageManager);
        Assert.Equal("k8s-lb-a", _facts.Hostname);
    }

    [Fact]
    public void Versions_keep_their_debian_epoch()
    {
        Assert.Equal("1:2.2.4-0.2build1", _facts.KeepalivedVersion);
        Assert.Equal("2.4.24-0ubuntu0.22.04.1", _facts.HaproxyVersion);
    }

    [Fact]
    public void A_failed_keepalived_is_enabled_but_not_active_and_has_no_main_pid()
    {
        var keepalived = _facts.Keepalived!;

        Assert.True(keepalived.Enabled);
        Assert.False(keepalived.Active);
        Assert.Equal(("failed", "failed"), (keepalived.ActiveState, keepalived.SubState));
        Assert.Null(keepalived.MainPid);
        Assert.True(_facts.Haproxy!.Active);
    }

    [Fact]
    public void A_dhcp_address_with_a_route_metric_is_read()
    {
        Assert.Equal([new InterfaceAddress(IPAddress.Parse("10.20.0.11"), 24)], _facts.Interface("ens3")!.Addresses);
    }

    [Fact]
    public void There_is_neither_firewalld_nor_selinux()
    {
        Assert.Equal(FirewalldStatus.NotInstalled, _facts.Firewall.Status);
        Assert.False(_facts.Unit("firewalld")!.Exists);
        Assert.Equal(SelinuxMode.Absent, _facts.Selinux);
        Assert.Null(_facts.HaproxyConnectAny);
    }

    [Fact]
    public void Every_fact_was_read()
    {
        Assert.True(_facts.Complete);
        Assert.Empty(_facts.Gaps);
    }
}
