using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

public sealed class FastProfileParsingTests
{
    [Fact]
    public void Without_a_profile_and_with_whole_seconds_the_inventory_keeps_the_default_profile()
    {
        var inventory = Inventories.Load(Inventories.Valid).Inventory!;

        Assert.Equal(VrrpProfile.Default, inventory.Vrrp.Profile);
        Assert.Equal(Duration.FromSeconds(1), inventory.AdvertInt);
        Assert.Equal(2, inventory.Vrrp.TrackFall);
    }

    [Fact]
    public void Profile_fast_defaults_to_a_tenth_of_a_second_and_a_track_script_that_fails_at_once()
    {
        var inventory = Inventories.Load(Inventories.WithoutAuth(Inventories.ValidWith("advert_int: 1\nvrrp:\n", "vrrp:\n  profile: fast\n"))).Inventory!;

        Assert.Equal(VrrpProfile.Fast, inventory.Vrrp.Profile);
        Assert.Equal(new Duration(100), inventory.AdvertInt);
        Assert.Equal(1, inventory.Vrrp.TrackFall);
    }

    [Theory]
    [InlineData("0.1", 100)]
    [InlineData("0.25", 250)]
    [InlineData("1.5", 1500)]
    [InlineData("150ms", 150)]
    public void An_advert_int_that_is_not_whole_seconds_selects_the_fast_profile(string written, long milliseconds)
    {
        var inventory = Inventories.Load(Inventories.WithoutAuth(Inventories.ValidWith("advert_int: 1", $"advert_int: {written}"))).Inventory!;

        Assert.Equal(VrrpProfile.Fast, inventory.Vrrp.Profile);
        Assert.Equal(new Duration(milliseconds), inventory.AdvertInt);
    }

    [Fact]
    public void Profile_fast_keeps_a_written_advert_int_and_fall()
    {
        var inventory = Inventories.Load(Inventories.WithoutAuth(Inventories.ValidWith("advert_int: 1\nvrrp:\n", "advert_int: 0.2\nvrrp:\n  profile: fast\n"))
            .Replace("    weight: 0", "    weight: 0\n    fall: 3", StringComparison.Ordinal)).Inventory!;

        Assert.Equal(new Duration(200), inventory.AdvertInt);
        Assert.Equal(3, inventory.Vrrp.TrackFall);
    }

    [Theory]
    [InlineData("0.125")]
    [InlineData("105ms")]
    [InlineData("fast")]
    [InlineData("-1")]
    public void An_advert_int_keepalived_cannot_send_is_an_error_that_names_the_field_and_the_fix(string written)
    {
        var result = Inventories.Load(Inventories.ValidWith("advert_int: 1", $"advert_int: {written}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("bad-advert-int", error.Code);
        Assert.Equal(5, error.Line);
        Assert.Contains("`advert_int: 0.1`", error.Fix);
    }

    [Fact]
    public void The_default_profile_with_a_sub_second_advert_int_is_an_error()
    {
        var result = Inventories.Load(Inventories.ValidWith("advert_int: 1\nvrrp:\n", "advert_int: 0.5\nvrrp:\n  profile: default\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("profile-advert-int-mismatch", error.Code);
        Assert.Contains("0.5 s", error.Message);
    }

    [Fact]
    public void An_unknown_profile_is_an_error_with_the_two_names()
    {
        var result = Inventories.Load(Inventories.ValidWith("vrrp:\n", "vrrp:\n  profile: turbo\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("vrrp.profile", error.Field);
        Assert.Contains("`profile: fast`", error.Fix);
    }
}
