using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Validation;

/// <summary>A node back from a fault must not take the VIP back before its haproxy can see the API servers UP.</summary>
public sealed class PreemptDelayCheckTests
{
    private static string Fast(string vrrpLines = "", string tail = "") =>
        Inventories.WithoutAuth(Inventories.ValidWith("advert_int: 1", "advert_int: 0.1"))
            .Replace("  preempt: true\n", "  preempt: true\n" + vrrpLines, StringComparison.Ordinal) + tail;

    private static string Default(string vrrpLines = "", string tail = "") =>
        Inventories.Valid.Replace("  preempt: true\n", "  preempt: true\n" + vrrpLines, StringComparison.Ordinal) + tail;

    private const string SlowCheck = "\nhealth_check:\n  interval: 5s\n  rise: 3\n";

    [Fact]
    public void The_fast_profile_waits_for_the_health_check_by_itself_and_warns_of_nothing()
    {
        var result = Inventories.Load(Fast());

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        Assert.Null(result.Inventory!.Vrrp.PreemptDelaySeconds);
    }

    [Fact]
    public void A_written_delay_of_zero_with_the_fast_profile_warns_that_clients_are_refused_until_the_checks_pass()
    {
        var result = Inventories.Load(Fast("  preempt_delay: 0\n"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("preempt-delay-before-health-check", warning.Code);
        Assert.Equal("vrrp.preempt_delay", warning.Field);
        Assert.Equal(9, warning.Line);
        Assert.Contains("lb1 takes the VIP back 0.3 s after it is back from a fault (preempt_delay 0 s + 3 x advert_int)", warning.Message);
        Assert.Contains("its haproxy needs up to 3 s ((rise + 1) x interval of health_check)", warning.Message);
        Assert.StartsWith("set `vrrp.preempt_delay: 3` or more, or leave it out", warning.Fix);
    }

    [Fact]
    public void A_written_delay_long_enough_is_taken_without_a_warning()
    {
        var result = Inventories.Load(Fast("  preempt_delay: 5\n"));

        Assert.Empty(result.Warnings);
        Assert.Equal(5, result.Inventory!.Vrrp.PreemptDelaySeconds);
    }

    [Fact]
    public void The_default_profile_with_slow_health_checks_warns_that_three_adverts_come_before_the_servers_are_up()
    {
        var result = Inventories.Load(Default(tail: SlowCheck));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("preempt-delay-before-health-check", warning.Code);
        Assert.Contains("lb1 takes the VIP back 3 s after it is back from a fault (preempt_delay 0 s + 3 x advert_int), but its haproxy needs up to 20 s", warning.Message);
        // 20 s of checks - 3 s of adverts.
        Assert.StartsWith("set `vrrp.preempt_delay: 17` or more, or a shorter", warning.Fix);
    }

    [Fact]
    public void The_default_profile_with_the_default_checks_needs_no_delay()
    {
        Assert.Empty(Inventories.Load(Default()).Warnings);
    }

    [Fact]
    public void A_first_node_that_starts_master_in_the_fast_profile_is_warned_that_keepalived_ignores_the_delay_there()
    {
        var result = Inventories.Load(Fast().Replace("    priority: 100\n", "    priority: 100\n    state: MASTER\n", StringComparison.Ordinal));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("preempt-delay-ignored-on-master", warning.Code);
        Assert.Equal("nodes[0].state", warning.Field);
        Assert.Contains("lb1 takes the VIP back 0.3 s (3 x advert_int) after it is back from a fault, but its haproxy needs up to 3 s", warning.Message);
        Assert.StartsWith("remove `state: MASTER`", warning.Fix);
    }

    [Fact]
    public void A_master_start_with_whole_second_adverts_and_the_default_checks_is_no_concern()
    {
        Assert.Empty(Inventories.Load(Default().Replace("    priority: 100\n", "    priority: 100\n    state: MASTER\n", StringComparison.Ordinal)).Warnings);
    }

    [Fact]
    public void A_delay_with_nopreempt_warns_that_it_delays_nothing()
    {
        var result = Inventories.Load(Default("  preempt_delay: 10\n").Replace("preempt: true", "preempt: false", StringComparison.Ordinal));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("preempt-delay-without-preempt", warning.Code);
        Assert.Equal("vrrp.preempt_delay", warning.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void A_delay_outside_keepaliveds_range_is_an_error_with_its_line(int seconds)
    {
        var result = Inventories.Load(Default($"  preempt_delay: {seconds}\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("out-of-range", error.Code);
        Assert.Equal("vrrp.preempt_delay", error.Field);
        Assert.Equal(9, error.Line);
        Assert.Contains("0-1000", error.Message);
    }
}
