using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>
/// lb1..lb3 on the fast profile for the tests of one class: inventory/lab.yaml with `vrrp.profile: fast`
/// (advert_int 0.1), no VRRP authentication (VRRPv3 has none) and priorities 250/170/90 (wide enough for 0.1 s,
/// see FastProfileFloor). Applying it is a VRRP identity change (version, advert_int, authentication), which apply
/// carries out as a coordinated cutover; at the end the standard lab inventory is applied again, the same way back.
/// </summary>
public sealed class FastTierFixture : IAsyncLifetime
{
    public LabInventory Inventory { get; } = LabInventory.With(
        ("advert_int: 1\n", "advert_int: 0.1\n"),
        ("vrrp:\n", "vrrp:\n  profile: fast\n"),
        ("  auth:\n    secret_file: /var/lib/halb-lab/vrrp-secret\n", ""),
        ("priority: 90", "priority: 170"),
        ("priority: 100", "priority: 250"),
        ("priority: 80", "priority: 90"));

    /// <summary>What the apply onto the fast profile printed (its plan lines name the bounds and the haproxy tracking).</summary>
    public CliRun Applied { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        LabFacts.RequireLabUp();
        Applied = await LabCli.RunAsync("apply", "-i", Inventory.Path);
        Assert.True(Applied.ExitCode == 0, Applied.ToString());
        await LabFaults.WaitUntilLb1HoldsTheVipAloneAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await LabFaults.RunAsync("link-up", "lb1");
            await LabNodeShell.RunOnAllAsync("systemctl stop halb-cpu-hog.service 2>/dev/null; rm -f /run/systemd/system/haproxy.service.d/90-halb-failover-test.conf; systemctl daemon-reload; systemctl start keepalived haproxy");
            await LabTier.ConvergeAsync();
            // Back on the default profile: the track drop-in is gone, and systemd forgot it.
            var left = await LabNodeShell.RunOnAllAsync(
                "ls /etc/systemd/system/haproxy.service.d/halb-track.conf /run/halb-haproxy-down 2>/dev/null; systemctl show -p DropInPaths haproxy.service | grep -F halb-track; true");
            Assert.All(left, l => Assert.Equal("", l.Trim()));
        }
        finally
        {
            Inventory.Dispose();
        }
    }
}
