using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.Rendering;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>A returning fast-profile node waits one check in flight and `rise` passing checks before it preempts.</summary>
public sealed class PreemptDelayTests
{
    private static HealthCheck Check(long intervalMs, int rise) => new("/readyz", new Duration(intervalMs), 2, rise);

    [Fact]
    public void The_fast_profile_with_the_default_checks_waits_three_seconds()
    {
        Assert.Equal(3, PreemptDelay.SecondsFor(ExampleInventory.Fast()));
    }

    [Fact]
    public void The_default_profile_has_no_delay_since_its_whole_second_adverts_take_as_long_to_preempt()
    {
        Assert.Equal(0, PreemptDelay.SecondsFor(ExampleInventory.Load()));
    }

    [Fact]
    public void Nopreempt_has_nothing_to_delay()
    {
        var fast = ExampleInventory.Fast();
        Assert.Equal(0, PreemptDelay.SecondsFor(fast with { Vrrp = fast.Vrrp with { Preempt = false } }));
    }

    [Theory]
    [InlineData(1000, 2, 3)]
    [InlineData(2000, 3, 8)]
    [InlineData(300, 2, 1)]
    [InlineData(100, 1, 1)]
    [InlineData(1500, 2, 5)]
    [InlineData(600_000, 10, 1000)]
    public void The_delay_is_rise_plus_one_intervals_in_whole_seconds_rounded_up_between_1_and_1000(long intervalMs, int rise, int seconds)
    {
        Assert.Equal(seconds, PreemptDelay.SecondsFor(Check(intervalMs, rise)));
    }

    [Fact]
    public void The_slowest_frontend_decides()
    {
        var fast = ExampleInventory.Fast();
        var slow = fast with { Frontends = [fast.Frontends[0], fast.Frontends[0] with { Name = "ingress", Port = 443, HealthCheck = Check(2000, 2) }] };

        Assert.Equal(6, PreemptDelay.SecondsFor(slow));
    }

    [Fact]
    public void A_written_delay_wins_over_the_profiles_own_in_either_profile()
    {
        var fast = ExampleInventory.Fast();
        var standard = ExampleInventory.Load();

        Assert.Equal(10, PreemptDelay.SecondsFor(fast with { Vrrp = fast.Vrrp with { PreemptDelaySeconds = 10 } }));
        Assert.Equal(0, PreemptDelay.SecondsFor(fast with { Vrrp = fast.Vrrp with { PreemptDelaySeconds = 0 } }));
        Assert.Equal(7, PreemptDelay.SecondsFor(standard with { Vrrp = standard.Vrrp with { PreemptDelaySeconds = 7 } }));
    }

    [Fact]
    public void A_written_delay_with_nopreempt_is_still_none()
    {
        var fast = ExampleInventory.Fast();
        Assert.Equal(0, PreemptDelay.SecondsFor(fast with { Vrrp = fast.Vrrp with { Preempt = false, PreemptDelaySeconds = 10 } }));
    }
}
