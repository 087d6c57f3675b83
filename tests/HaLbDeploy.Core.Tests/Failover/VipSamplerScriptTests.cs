using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class VipSamplerScriptTests
{
    private static string Recorded =>
        File.ReadAllText(RepositoryRoot.Of(Path.Combine("tests", "HaLbDeploy.Core.Tests", "Failover", "recorded", "debian12-lb1-sampler.txt")));

    [Fact]
    public void A_recorded_run_on_the_vip_holder_gives_timestamped_samples_and_keepalived_start()
    {
        var output = VipSamplerScript.Parse(Recorded);

        Assert.True(output.Complete);
        Assert.Equal(1795661347156, output.KeepalivedStartedEpochMilliseconds);
        Assert.InRange(output.Samples.Count, 8, 12);
        Assert.All(output.Samples, s => Assert.True(s.HoldsVip));
        Assert.True(output.Samples.Zip(output.Samples.Skip(1)).All(p => p.Second.EpochNanoseconds > p.First.EpochNanoseconds));
    }

    [Fact]
    public void Unreadable_lines_are_skipped_and_a_run_cut_short_is_incomplete()
    {
        var output = VipSamplerScript.Parse("@@halb sampler 1 1\nkeepalived-started -\ns 1795661375357150571 1\ns garbage 1\ns 1795661375420575853 2\ns 1795661375480401324 0\n");

        Assert.False(output.Complete);
        Assert.Null(output.KeepalivedStartedEpochMilliseconds);
        Assert.Equal([true, false], output.Samples.Select(s => s.HoldsVip));
    }

    /// <summary>dash hands the loop to bash where the node has one; `command` faked to find nothing makes it run the sh loop itself.</summary>
    [Theory]
    [InlineData("in the bash loop", "")]
    [InlineData("in the sh loop of a node without bash", "command() { return 1; }\n")]
    public void Under_dash_it_samples_every_interval_for_the_duration_and_sees_an_address_the_machine_has(string loop, string prefix)
    {
        var result = LocalShell.Run("dash", prefix + VipSamplerScript.Build(IPAddress.Loopback, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(50)));

        var output = VipSamplerScript.Parse(result.StandardOutput);
        Assert.True(result.ExitCode == 0 && output.Complete, $"{loop}: exit {result.ExitCode}: {result.StandardError}");
        Assert.InRange(output.Samples.Count, 3, 11);
        Assert.All(output.Samples, s => Assert.True(s.HoldsVip));
        var span = TimeSpan.FromTicks((output.Samples[^1].EpochNanoseconds - output.Samples[0].EpochNanoseconds) / 100);
        Assert.InRange(span, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(600));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        Assert.InRange(output.Samples[^1].EpochNanoseconds, now - 60_000_000_000L, now + 1_000_000_000L);
        Assert.True(output.Samples.Zip(output.Samples.Skip(1)).All(p => p.Second.EpochNanoseconds - p.First.EpochNanoseconds >= 45_000_000), "a sample came before the pause was over");
    }

    [Fact]
    public void The_bash_loop_starts_only_ip_per_sample_and_pauses_with_read_on_a_pipe()
    {
        var script = VipSamplerScript.Build(IPAddress.Parse("10.0.0.1"), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));

        Assert.Contains("exec 9<> <(:)", script);
        Assert.Contains("read -r -t 0.05 -u 9 _", script);
        Assert.Contains("${EPOCHREALTIME:-}", script);
    }

    [Fact]
    public void An_ipv6_address_is_read_from_the_ipv6_entries_and_an_ipv4_one_from_the_ipv4_entries_as_before()
    {
        Assert.Contains("ip -o -6 addr show", VipSamplerScript.Build(IPAddress.Parse("fd00:211::108"), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)));
        Assert.DoesNotContain("ip -o -4", VipSamplerScript.Build(IPAddress.Parse("fd00:211::108"), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)));
        Assert.Contains("ip -o -4 addr show", VipSamplerScript.Build(IPAddress.Parse("10.0.0.100"), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)));

        var result = LocalShell.Run("dash", VipSamplerScript.Build(IPAddress.IPv6Loopback, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50)));
        var output = VipSamplerScript.Parse(result.StandardOutput);
        Assert.NotEmpty(output.Samples);
        Assert.All(output.Samples, s => Assert.True(s.HoldsVip));
    }

    [Fact]
    public void An_address_the_machine_does_not_have_is_never_held()
    {
        var result = LocalShell.Run("dash", VipSamplerScript.Build(IPAddress.Parse("192.0.2.77"), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50)));

        var output = VipSamplerScript.Parse(result.StandardOutput);
        Assert.NotEmpty(output.Samples);
        Assert.All(output.Samples, s => Assert.False(s.HoldsVip));
    }

    [Fact]
    public void The_vip_is_matched_as_a_whole_address_so_10_0_0_1_is_not_found_in_10_0_0_100()
    {
        var script = VipSamplerScript.Build(IPAddress.Parse("10.0.0.1"), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));

        Assert.Contains("halb_vip=' 10.0.0.1/'", script);
    }
}
