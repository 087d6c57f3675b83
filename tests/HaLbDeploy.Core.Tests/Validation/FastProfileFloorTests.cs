using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Validation;

/// <summary>The fast profile's flapping warnings, from the VRRPv3 timers (skew = (256 - priority) x advert_int / 256).</summary>
public sealed class FastProfileFloorTests
{
    private static string ThreeNodes(string advertInt, int p1, int p2, int p3) => Inventories.WithoutAuth(Inventories.ValidWith("advert_int: 1", $"advert_int: {advertInt}"))
        .Replace("priority: 100", $"priority: {p1}", StringComparison.Ordinal)
        .Replace("    priority: 90\n", $"    priority: {p2}\n  - name: lb3\n    address: 10.0.0.13\n    priority: {p3}\n", StringComparison.Ordinal);

    [Fact]
    public void Wide_priority_gaps_at_a_tenth_of_a_second_hold_without_a_warning()
    {
        var result = Inventories.Load(ThreeNodes("0.1", 250, 170, 90));

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Priorities_ten_apart_at_a_tenth_of_a_second_warn_that_the_second_backup_races_the_first()
    {
        var result = Inventories.Load(ThreeNodes("0.1", 100, 90, 80));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("priority-gap-below-race-floor", warning.Code);
        Assert.Equal("nodes[2].priority", warning.Field);
        Assert.Contains("lb3 (priority 80) times out only 3.9 ms after lb2 (priority 90)", warning.Message);
        Assert.Contains("at least 26 between neighbouring priorities", warning.Fix);
    }

    [Fact]
    public void Twenty_milliseconds_adverts_warn_that_a_short_cpu_stall_moves_the_vip()
    {
        var result = Inventories.Load(ThreeNodes("0.02", 250, 120, 1));

        var warning = Assert.Single(result.Warnings, w => w.Code == "advert-int-below-stall-floor");
        Assert.Equal("advert_int", warning.Field);
        // 2 x 20 ms + (256 - 120) x 20 ms / 256 = 50.6 ms
        Assert.Contains("by only 50.6 ms (2 x advert_int + skew of lb2)", warning.Message);
        Assert.Contains("A shorter interval buys a faster takeover", warning.Message);
    }

    [Fact]
    public void The_default_profile_gets_no_fast_profile_warning() =>
        Assert.Empty(Inventories.Load(ThreeNodes("1", 100, 90, 80)).Warnings);

    [Fact]
    public void Vrrp_authentication_with_the_fast_profile_is_an_error_since_version_3_has_none()
    {
        var result = Inventories.Load(Inventories.ValidWith("advert_int: 1", "advert_int: 0.1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("fast-with-auth", error.Code);
        Assert.Equal("vrrp.auth.secret_env", error.Field);
        Assert.Contains("remove `auth:`", error.Fix);
    }


    [Theory]
    [InlineData("0.001")]
    [InlineData("41")]
    public void The_fast_profile_refuses_an_interval_vrrp_version_3_cannot_carry(string advertInt)
    {
        var inventory = Inventories.WithoutAuth(Inventories.ValidWith("advert_int: 1\nvrrp:\n", $"advert_int: {advertInt}\nvrrp:\n  profile: fast\n"));

        var errors = Inventories.Load(inventory).Errors.ToList();

        Assert.Contains(errors, e => e.Field == "advert_int" && (e.Code == "out-of-range" || e.Code == "bad-advert-int"));
    }
}
