using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>apply takes the tier's run lock on every node before anything else; plan never asks for it.</summary>
public sealed class ConvergerRunLockTests
{
    private const string OtherRun = "run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z";

    [Fact]
    public async Task A_node_whose_lock_another_run_holds_stops_apply_before_anything_is_changed_or_read_there_and_the_error_names_the_holder()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        tier["lb2"].RunLock.HeldByAnother = OtherRun;

        var report = await tier.ApplyAsync();

        Assert.False(report.Succeeded);
        Assert.Equal($"lb2: {TierRunLock.Refusal(OtherRun)}", Assert.Single(report.Errors));
        Assert.Contains("another halb-deploy run holds the tier: run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z", report.Errors[0]);
        Assert.DoesNotContain(tier.Tier.Calls, c => c.IsChange);
        Assert.Empty(tier.Tier.CallsOn("lb2"));
        Assert.Equal(0, tier["lb2"].LockedReads);
        Assert.Equal(["lb1", "lb3"], report.Nodes.Where(n => n.Outcome == Core.Planning.NodeOutcome.Untouched).Select(n => n.Node));
    }

    [Fact]
    public async Task The_locks_taken_on_the_other_nodes_are_released_when_one_node_refuses()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        tier["lb3"].RunLock.HeldByAnother = OtherRun;

        await tier.ApplyAsync();

        foreach (var node in new[] { "lb1", "lb2" })
        {
            Assert.Equal(1, tier[node].RunLock.Releases);
            Assert.Null(tier[node].RunLock.HeldBy);
        }
    }

    [Fact]
    public async Task A_converging_apply_holds_the_lock_on_every_node_and_releases_it_at_the_end()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.All(tier.Tier.Nodes, n => Assert.Equal((1, 1), (n.RunLock.Requests, n.RunLock.Releases)));
        Assert.All(tier.Tier.Nodes, n => Assert.Null(n.RunLock.HeldBy));
    }

    [Fact]
    public async Task A_no_change_apply_reads_each_nodes_facts_once_in_the_command_that_takes_its_lock()
    {
        var tier = ApplyTier.Converged();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.All(report.Nodes, n => Assert.Equal(Core.Planning.NodeOutcome.Unchanged, n.Outcome));
        Assert.All(tier.Tier.Nodes, n =>
        {
            Assert.Equal(1, n.LockedReads);
            Assert.Equal(["read node facts"], tier.Tier.CallsOn(n.Name));
        });
    }

    [Fact]
    public async Task A_node_takes_its_lock_and_reads_its_facts_as_soon_as_it_is_connected_while_a_slower_node_still_connects()
    {
        var tier = ApplyTier.Converged();
        IReadOnlyList<string>? seenWhileLb3Connected = null;
        tier["lb3"].ConnectDelay = async ct =>
        {
            // Wait until the others read their facts (or give up after a bound), then note what had run.
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(TimeSpan.FromSeconds(10));
            while (tier["lb1"].LockedReads + tier["lb2"].LockedReads < 2 && !bound.IsCancellationRequested) await Task.Delay(10, CancellationToken.None);
            seenWhileLb3Connected = tier.Tier.Calls.Select(c => c.Node).ToList();
        };

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(["lb1", "lb2"], seenWhileLb3Connected!.Order());
        Assert.All(tier.Tier.Nodes, n => Assert.Equal(1, n.LockedReads));
    }

    [Fact]
    public async Task An_interrupted_apply_releases_the_locks_it_took()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        using var cancel = new CancellationTokenSource();
        tier["lb1"].Before["read node facts"] = cancel.Cancel;

        await tier.ApplyAsync(cancellationToken: cancel.Token);

        // lb1 was interrupted in the command that took its lock and read its facts; the nodes after it may never ask.
        Assert.Equal((1, 1), (tier["lb1"].RunLock.Requests, tier["lb1"].RunLock.Releases));
        Assert.All(tier.Tier.Nodes, n => Assert.Equal(n.RunLock.Requests, n.RunLock.Releases));
        Assert.All(tier.Tier.Nodes, n => Assert.Null(n.RunLock.HeldBy));
    }

    [Fact]
    public async Task Plan_never_asks_for_the_lock_and_is_not_stopped_by_another_run_holding_it()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        foreach (var node in tier.Tier.Nodes) node.RunLock.HeldByAnother = OtherRun;

        var report = await tier.PlanAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.All(tier.Tier.Nodes, n => Assert.Equal(0, n.RunLock.Requests));
    }
}
