using HaLbDeploy.Core.Packages;

namespace HaLbDeploy.Core.Tests.Packages;

public sealed class PackagePlannerTests
{
    private static readonly string[] Offered = ["1:2.2.7-1+b2", "1:2.2.7-1+b2+halb1", "1:2.2.8-1"];

    [Fact]
    public void With_upgrade_only_an_installed_package_with_a_strictly_newer_candidate_moves()
    {
        var plan = PackagePlanner.Plan(
        [
            new PackageVersions("keepalived", "1:2.2.7-1", "1:2.2.7-1+halb1"),
            new PackageVersions("haproxy", "2.6.12-1", "2.6.12-1"),
        ], [], upgrade: true);

        Assert.Equal([new PackageUpgrade("keepalived", "1:2.2.7-1", "1:2.2.7-1+halb1")], plan.Moves);
        Assert.Empty(plan.Holds);
        Assert.Equal("keepalived 1:2.2.7-1 -> 1:2.2.7-1+halb1", plan.Moves[0].ToString());
    }

    [Fact]
    public void Without_upgrade_or_pin_nothing_moves()
    {
        var plan = PackagePlanner.Plan([new PackageVersions("keepalived", "1:2.2.7-1", "1:2.2.7-1+halb1")], [], upgrade: false);

        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void An_older_candidate_a_missing_one_and_a_package_not_installed_do_not_move()
    {
        var plan = PackagePlanner.Plan(
        [
            new PackageVersions("keepalived", "1:2.2.8-1", "1:2.2.7-1"),
            new PackageVersions("haproxy", "2.6.12-1", null),
            new PackageVersions("haproxy", null, "2.6.12-1"),
        ], [], upgrade: true);

        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void A_pin_the_installed_version_does_not_match_moves_to_its_newest_match_even_downwards_and_holds_it()
    {
        var plan = PackagePlanner.Plan([new PackageVersions("keepalived", "1:2.2.8-1", "1:2.2.8-1") { Available = Offered }], [new PackagePin("keepalived", "2.2.7-1*")], upgrade: false);

        Assert.Equal([new PackageUpgrade("keepalived", "1:2.2.8-1", "1:2.2.7-1+b2+halb1")], plan.Moves);
        Assert.Equal([new PackageHold("keepalived", "1:2.2.7-1+b2+halb1")], plan.Holds);
    }

    [Fact]
    public void A_pin_met_by_the_installed_version_only_holds_it_when_not_held_and_moves_within_the_pin_only_with_upgrade()
    {
        var unheld = new PackageVersions("keepalived", "1:2.2.7-1+b2", "1:2.2.8-1") { Available = Offered };
        var pins = new[] { new PackagePin("keepalived", "2.2.7-1*") };

        var plain = PackagePlanner.Plan([unheld], pins, upgrade: false);
        Assert.Empty(plain.Moves);
        Assert.Equal([new PackageHold("keepalived", "1:2.2.7-1+b2")], plain.Holds);

        Assert.False(PackagePlanner.Plan([unheld with { Held = true, HeldByHalb = true }], pins, upgrade: false).HasChanges);

        var upgrade = PackagePlanner.Plan([unheld with { Held = true, HeldByHalb = true }], pins, upgrade: true);
        Assert.Equal([new PackageUpgrade("keepalived", "1:2.2.7-1+b2", "1:2.2.7-1+b2+halb1")], upgrade.Moves);
    }

    [Fact]
    public void A_pin_no_offered_version_meets_is_a_problem_that_names_what_is_offered()
    {
        var plan = PackagePlanner.Plan([new PackageVersions("haproxy", "2.6.12-1", "2.6.12-1") { Available = ["2.6.12-1"] }], [new PackagePin("haproxy", "2.8.3-1")], upgrade: false);

        Assert.False(plan.HasChanges);
        Assert.Equal(["haproxy pinned to 2.8.3-1, but the node's repositories offer no matching version (installed: 2.6.12-1; offered: 2.6.12-1)"], plan.Problems);
    }

    [Fact]
    public void A_pinned_package_held_outside_our_record_is_held_again_so_that_the_record_takes_the_hold_over()
    {
        var held = new PackageVersions("keepalived", "1:2.2.7-1+b2", "1:2.2.7-1+b2") { Available = Offered, Held = true };

        var plan = PackagePlanner.Plan([held], [new PackagePin("keepalived", "2.2.7-1*")], upgrade: false);

        Assert.Empty(plan.Moves);
        Assert.Equal([new PackageHold("keepalived", "1:2.2.7-1+b2")], plan.Holds);
    }

    [Fact]
    public void A_hold_of_ours_whose_pin_is_gone_is_released_and_one_we_did_not_set_is_left_alone()
    {
        var plan = PackagePlanner.Plan(
        [
            new PackageVersions("keepalived", "1:2.2.7-1+b2", "1:2.2.7-1+b2") { Held = true, HeldByHalb = true },
            new PackageVersions("haproxy", "2.6.12-1", "2.6.12-1") { Held = true },
        ], [], upgrade: false);

        Assert.Equal([new PackageRelease("keepalived")], plan.Releases);
        Assert.Empty(plan.Holds);
        Assert.True(plan.HasChanges);
        Assert.Equal("release the hold on keepalived (no pin any more)", plan.Releases[0].ToString());
    }

    [Fact]
    public void A_package_still_pinned_keeps_its_hold_of_ours()
    {
        var plan = PackagePlanner.Plan([new PackageVersions("keepalived", "1:2.2.7-1+b2", "1:2.2.7-1+b2") { Available = Offered, Held = true, HeldByHalb = true }],
            [new PackagePin("keepalived", "2.2.7-1*")], upgrade: false);

        Assert.False(plan.HasChanges);
    }
}
