using System.Net;
using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Debian 12 after an apply: real recordings of lab nodes lb1 (VIP holder) and lb2 (backup).</summary>
public sealed class Debian12ConvergedFactsTests
{
    private static readonly IPAddress Vip = IPAddress.Parse("10.211.0.100");

    private readonly NodeFacts _holder = RecordedFacts.Parse(RecordedFacts.Debian12ConvergedVipHolder);
    private readonly NodeFacts _backup = RecordedFacts.Parse(RecordedFacts.Debian12ConvergedBackup);

    [Fact]
    public void Both_packages_are_installed_from_debian_12()
    {
        Assert.Equal(("1:2.2.7-1+b2", "2.6.12-1+deb12u4"), (_holder.KeepalivedVersion, _holder.HaproxyVersion));
        Assert.Equal(OsFamily.Debian, _holder.OsFamily);
        Assert.Equal(PackageManager.Apt, _holder.PackageManager);
    }

    [Fact]
    public void Both_services_are_enabled_and_running()
    {
        foreach (var facts in new[] { _holder, _backup })
        {
            Assert.True(facts.Keepalived!.Enabled && facts.Keepalived.Active);
            Assert.True(facts.Haproxy!.Enabled && facts.Haproxy.Active);
            Assert.Equal("running", facts.Haproxy.SubState);
        }
        Assert.Equal((5435, 2455661519L, "c7ebdcc7809b4fd9be0dd522dee93df4"), (_holder.Keepalived!.MainPid, _holder.Keepalived.ActiveEnterTimestampMonotonic, _holder.Keepalived.InvocationId));
    }

    [Fact]
    public void Only_the_holder_carries_the_vip_next_to_its_own_address()
    {
        Assert.True(_holder.HoldsAddress(Vip));
        Assert.Equal(["10.211.0.11/24", "10.211.0.100/24"], _holder.Interface("host0")!.Addresses.Select(a => a.ToString()));
        Assert.False(_backup.HoldsAddress(Vip));
        Assert.Equal(["10.211.0.12/24"], _backup.Interface("host0")!.Addresses.Select(a => a.ToString()));
    }

    [Fact]
    public void Haproxy_listens_on_the_frontend_port_through_its_worker_not_its_master()
    {
        var listener = Assert.Single(_holder.FrontendListeners);

        Assert.Equal("0.0.0.0:6443", listener.LocalAddress);
        Assert.Equal(["haproxy"], listener.ProcessNames);
        Assert.Equal(5182, _holder.Haproxy!.MainPid);
    }

    [Fact]
    public void The_managed_files_are_in_place_with_their_modes()
    {
        Assert.Equal(new ManagedFileState("/etc/haproxy/haproxy.cfg", true, true, "78113184fabbd8573562ca2268caf6d682b956020764e843f04543578711b18a", "0644", "root", "root"), _holder.File("/etc/haproxy/haproxy.cfg"));
        Assert.Equal(("0640", "root", "root"), (_holder.File("/etc/keepalived/keepalived.conf")!.Mode, _holder.File("/etc/keepalived/keepalived.conf")!.Owner, _holder.File("/etc/keepalived/keepalived.conf")!.Group));
        Assert.Equal("0755", _holder.File("/usr/libexec/keepalived/check_haproxy.sh")!.Mode);
    }

    [Fact]
    public void Haproxy_cfg_is_the_same_on_every_node_while_keepalived_conf_is_per_node()
    {
        Assert.Equal(_holder.File("/etc/haproxy/haproxy.cfg")!.Sha256, _backup.File("/etc/haproxy/haproxy.cfg")!.Sha256);
        Assert.NotEqual(_holder.File("/etc/keepalived/keepalived.conf")!.Sha256, _backup.File("/etc/keepalived/keepalived.conf")!.Sha256);
    }

    [Fact]
    public void A_minute_apart_the_same_service_run_is_not_taken_for_a_restart()
    {
        var earlier = RecordedFacts.Parse(RecordedFacts.Debian12ConvergedVipHolderOneMinuteEarlier);

        Assert.False(_holder.Keepalived!.WasRestartedSince(earlier.Keepalived!));
        Assert.False(_holder.Haproxy!.WasRestartedSince(earlier.Haproxy!));
    }

    [Fact]
    public void Services_restarted_by_a_later_apply_are_told_apart()
    {
        var earlierRun = RecordedFacts.Parse(RecordedFacts.Debian12ConvergedVipHolderEarlierRun);

        Assert.True(_holder.Keepalived!.WasRestartedSince(earlierRun.Keepalived!));
        Assert.True(_holder.Haproxy!.WasRestartedSince(earlierRun.Haproxy!));
    }

    [Fact]
    public void Every_fact_was_read()
    {
        Assert.True(_holder.Complete && _backup.Complete);
        Assert.Empty(_holder.Gaps);
        Assert.Empty(_backup.Gaps);
    }
}
