using System.Diagnostics;
using System.Text.Json;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>
/// vrrp.garp_refresh on the real lab: the VIP holder re-announces the VIP, so a neighbour whose ARP entry names a node
/// that gave the VIP up (as after a split brain) is corrected without sending anything; with 0 it is not.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VipAnnouncementLabTests : IAsyncLifetime
{
    private const int DefaultRefreshSeconds = 10;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    public Task InitializeAsync() => LabTier.ConvergeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_neighbour_pointed_at_lb2_names_lb1_again_within_the_refresh_interval_without_sending_anything()
    {
        // Past the second announcement that follows a takeover, so that only the periodic refresh can correct the entry.
        await LabTier.WaitUntilLb1HasBeenMasterForAsync(TimeSpan.FromSeconds(7));
        await LabFaults.RunAsync("vip-arp", "lb2");
        Assert.Equal("lb2", await ArpEntryNamesAsync());

        var clock = Stopwatch.StartNew();
        var names = await WaitForArpEntryAsync("lb1", TimeSpan.FromSeconds(DefaultRefreshSeconds) + Margin);

        Assert.True(names == "lb1", $"after {clock.Elapsed.TotalSeconds:0.0} s this machine's ARP entry for the VIP still names {names}");
    }

    /// <remarks>verify then names the stale entry: its probe of the VIP times out, and this machine's ARP table names lb2.</remarks>
    [Fact]
    public async Task With_garp_refresh_0_the_neighbour_keeps_naming_lb2_for_the_whole_interval_and_verify_names_the_stale_entry()
    {
        try
        {
            using var inventory = await LabTier.ConvergeWithoutGarpRefreshAsync();
            Assert.Equal("0", (await LabNodeShell.RunAsync("lb1", "grep -c garp_master_refresh /etc/keepalived/keepalived.conf || true")).Trim());

            await LabFaults.RunAsync("vip-arp", "lb2");
            var names = await WaitForArpEntryAsync("lb1", TimeSpan.FromSeconds(DefaultRefreshSeconds) + Margin);

            Assert.Equal("lb2", names);

            var verify = await LabCli.RunAsync("verify", "-i", inventory.Path, "--output", "json");
            Assert.True(verify.ExitCode == 1, verify.ToString());
            using var json = JsonDocument.Parse(verify.Output);
            var neighbour = json.RootElement.GetProperty("vip_neighbour");
            Assert.Equal("lb2", neighbour.GetProperty("node").GetString());
            Assert.Equal("halb0", neighbour.GetProperty("device").GetString());
            var lb2Mac = neighbour.GetProperty("link_layer_address").GetString();
            Assert.Contains(json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()),
                p => p!.StartsWith($"this machine's ARP entry for 10.211.0.100 names {lb2Mac} (lb2), but lb1 (", StringComparison.Ordinal) &&
                     p.Contains("Set vrrp.garp_refresh (e.g. 10)", StringComparison.Ordinal) &&
                     p.EndsWith("ip neigh del 10.211.0.100 dev halb0", StringComparison.Ordinal));
        }
        finally
        {
            await LabTier.ConvergeAsync();
        }
    }

    private static async Task<string> ArpEntryNamesAsync() => (await LabFaults.RunAsync("vip-arp")).Trim();

    /// <summary>Reads the entry (never touching the VIP) every 500 ms until it names <paramref name="node"/> or the time is up; returns what it last named.</summary>
    private static async Task<string> WaitForArpEntryAsync(string node, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var names = await ArpEntryNamesAsync();
        while (names != node && clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            names = await ArpEntryNamesAsync();
        }
        return names;
    }
}
