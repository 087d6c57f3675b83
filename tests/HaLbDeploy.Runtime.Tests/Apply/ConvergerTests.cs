using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Facts;
using HaLbDeploy.Runtime.Apply;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>plan and apply on a simulated three-node tier: facts in, scripts out, in the order the rollout needs.</summary>
public sealed class ConvergerTests
{
    private const string Interrupted = "interrupted: the run stopped; nodes already done keep their new configuration, the rest their old one";
    private static readonly string[] AllNodes = ["lb1", "lb2", "lb3"];

    [Fact]
    public async Task A_fresh_node_gets_install_stage_and_activate_in_that_order()
    {
        var tier = ApplyTier.Fresh();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        foreach (var node in AllNodes)
            Assert.Equal(["install packages", "stage and validate files", "activate configuration"], Changes(tier, node));
        Assert.All(report.Nodes, n => Assert.Equal(NodeOutcome.Changed, n.Outcome));
        Assert.All(tier.Desired, d => Assert.All(d.Files, f => Assert.Equal(f.Content, tier[d.Node.Name].Files[f.Path].Content)));
    }

    [Fact]
    public async Task After_installing_packages_the_node_is_planned_again_from_fresh_facts()
    {
        var tier = ApplyTier.Fresh();

        await tier.ApplyAsync();

        // The package's default haproxy.cfg is read for its diff: the new plan knows it is there.
        Assert.Equal(["read node facts", "install packages", "read node facts", "read changed files", "stage and validate files", "activate configuration"],
            tier.Tier.CallsOn("lb1").Where(c => c != HealthProbe.Description));
    }

    [Fact]
    public async Task A_converged_tier_gets_only_reads_and_no_change()
    {
        var tier = ApplyTier.Converged();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.All(tier.Tier.Calls, call => Assert.False(call.IsChange, call.ToString()));
        Assert.All(AllNodes, node => Assert.Equal([FactScript.Description], tier.Tier.CallsOn(node)));
        Assert.All(report.Nodes, n => Assert.Equal(NodeOutcome.Unchanged, n.Outcome));
        Assert.Contains("[plan/lb2] no change", tier.Progress.Lines);
        Assert.DoesNotContain(tier.Progress.Lines, l => l.StartsWith("[rollout/", StringComparison.Ordinal));
        Assert.True(report.Nodes.Single(n => n.Node == "lb1").HoldsVip);
    }

    [Fact]
    public async Task The_rollout_goes_lowest_priority_first_and_the_VIP_holder_last()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Contains("[rollout/*] order: lb3, lb2, lb1 (VIP holder last)", tier.Progress.Lines);
        Assert.Equal(["lb3", "lb2", "lb1"], NodesThatRan(tier, "activate configuration"));
        Assert.Equal(
            ["[rollout/lb3] healthy: keepalived and haproxy active, VIP on lb1", "[rollout/lb2] healthy: keepalived and haproxy active, VIP on lb1", "[rollout/lb1] healthy: keepalived and haproxy active, VIP on lb1"],
            tier.Progress.Lines.Where(l => l.Contains("healthy", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_identity_change_switches_the_backups_together_then_the_holder_with_state_master_and_only_it()
    {
        var tier = ApplyTier.WithOtherRouterId();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(RolloutStrategy.IdentityCutover, report.RolloutUsed.Strategy);
        Assert.Equal(["virtual_router_id 77 -> 51"], report.RolloutUsed.Reasons);
        Assert.Contains("[rollout/*] identity cutover: lb3, lb2 together, then the VIP holder lb1 taking the VIP in the new group at once", tier.Progress.Lines);
        var activations = tier.Tier.Calls.Where(c => c.Description == "activate configuration").ToList();
        Assert.Equal("lb1", activations[^1].Node);
        Assert.Equal(["lb2", "lb3"], activations.Take(2).Select(c => c.Node).Order());
        Assert.Contains("state\\) BACKUP$/\\1 MASTER/", activations[^1].Script);
        Assert.All(activations.Take(2), c => Assert.DoesNotContain("MASTER", c.Script));
        Assert.Equal(3, tier.Progress.Lines.Count(l => l.Contains("healthy: keepalived and haproxy active, VIP on lb1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_compatible_keepalived_change_still_rolls_one_node_at_a_time()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();

        var report = await tier.ApplyAsync();

        Assert.Equal(RolloutStrategy.Rolling, report.RolloutUsed.Strategy);
        Assert.Contains("[plan/*] rollout: rolling: one node at a time, the VIP holder last (compatible changes)", tier.Progress.Lines);
    }

    [Fact]
    public async Task Firewall_and_SELinux_settings_are_applied_before_any_file_is_staged()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        tier["lb1"].Recording = RecordedFacts.Rocky8;
        tier["lb1"].Sections["firewall-default-zone"] = "work";
        tier["lb1"].Sections["selinux-booleans"] = "haproxy_connect_any --> off";

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(["firewall and selinux", "stage and validate files", "activate configuration"], Changes(tier, "lb1"));
        Assert.Equal(
            [
                "[host/lb1] firewalld: accept VRRP from lb2 (10.211.0.12) on host0: rule priority=\"-112\" family=\"ipv4\" source address=\"10.211.0.12\" protocol value=\"vrrp\" accept",
                "[host/lb1] firewalld: accept VRRP from lb3 (10.211.0.13) on host0: rule priority=\"-112\" family=\"ipv4\" source address=\"10.211.0.13\" protocol value=\"vrrp\" accept",
                "[host/lb1] firewalld: allow 6443/tcp on host0", "[host/lb1] SELinux: setsebool -P haproxy_connect_any 1",
            ],
            tier.Progress.Lines.Where(l => l.StartsWith("[host/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_node_that_only_needed_host_settings_counts_as_changed_without_a_rollout()
    {
        var tier = ApplyTier.Converged();
        tier["lb2"].Recording = RecordedFacts.Rocky8;
        tier["lb2"].Sections["selinux-booleans"] = "haproxy_connect_any --> off";

        var report = await tier.ApplyAsync();

        Assert.Equal([NodeOutcome.Unchanged, NodeOutcome.Changed, NodeOutcome.Unchanged], report.Nodes.Select(n => n.Outcome));
        Assert.Equal(["firewall and selinux"], Changes(tier, "lb2"));
        Assert.DoesNotContain(tier.Progress.Lines, l => l.StartsWith("[rollout/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fact_script_reads_the_node_s_rendered_files_those_apply_may_remove_and_the_record_of_package_holds_and_the_stage_script_the_changed_ones()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();

        await tier.ApplyAsync();

        var lb2 = tier.Desired.Single(d => d.Node.Name == "lb2");
        var calls = tier.Tier.Calls.Where(c => c.Node == "lb2").ToList();
        Assert.Equal(FactScript.Build([.. lb2.Files.Select(f => f.Path), NodePaths.HaproxyTrackDropIn, NodePaths.PackageHoldsRecord], tier.Inventory.FrontendPorts), calls.First(c => c.Description == FactScript.Description).Script);
        Assert.Equal(NodeScripts.Stage([lb2.File(NodePaths.HaproxyConfig)]), calls.Single(c => c.Description == "stage and validate files").Script);
    }

    [Fact]
    public async Task Every_node_is_staged_before_any_node_is_activated()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();

        await tier.ApplyAsync();

        var calls = tier.Tier.Calls.Select(c => c.Description).ToList();
        Assert.Equal(3, calls.Count(c => c == "stage and validate files"));
        Assert.True(calls.LastIndexOf("stage and validate files") < calls.IndexOf("activate configuration"));
    }

    [Fact]
    public async Task When_nobody_holds_the_VIP_the_highest_priority_goes_first()
    {
        var tier = ApplyTier.Fresh();

        await tier.ApplyAsync();

        Assert.Contains("[rollout/*] order: lb1, lb2, lb3 (highest priority first: none of them holds the VIP; lb1 takes it at once, no node runs keepalived yet)", tier.Progress.Lines);
        Assert.Equal(["lb1", "lb2", "lb3"], NodesThatRan(tier, "activate configuration"));
        Assert.Contains("[rollout/lb1] healthy: keepalived and haproxy active, VIP on lb1", tier.Progress.Lines);
    }

    [Fact]
    public async Task On_a_cold_tier_only_the_first_node_starts_as_the_address_owner_and_then_goes_back_to_its_own_priority()
    {
        var tier = ApplyTier.Fresh();

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        var activations = tier.Tier.Calls.Where(c => c.Description == "activate configuration").ToList();
        Assert.Equal("lb1", activations[0].Node);
        Assert.Contains("state\\) BACKUP$/\\1 MASTER/", activations[0].Script);
        Assert.Contains("priority\\) [0-9]*$/\\1 255/", activations[0].Script);
        Assert.Contains("systemctl reload keepalived", activations[0].Script);
        Assert.All(activations.Skip(1), c => Assert.DoesNotContain("MASTER", c.Script));
    }

    [Fact]
    public async Task A_tier_where_one_node_already_runs_keepalived_is_not_cold_and_nobody_starts_as_the_address_owner()
    {
        var tier = ApplyTier.Fresh();
        var lb3 = tier["lb3"];
        lb3.PackagesInstalled = lb3.UnitsEnabled = lb3.KeepalivedActive = lb3.HaproxyActive = true;

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Contains("[rollout/*] order: lb1, lb2, lb3 (highest priority first: none of them holds the VIP)", tier.Progress.Lines);
        Assert.All(tier.Tier.Calls.Where(c => c.Description == "activate configuration"), c => Assert.DoesNotContain("MASTER", c.Script));
    }

    [Fact]
    public async Task A_stage_failure_on_one_node_activates_no_node_and_discards_the_files_staged_elsewhere()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        tier["lb2"].Answers["stage and validate files"] = new ScriptResult(ScriptMarkers.ExitInvalidConfig,
            "@@halb invalid /etc/haproxy/haproxy.cfg\n[ALERT] config : parsing [/etc/haproxy/haproxy.cfg.halb-new:12] : unknown keyword 'timeoutt'\n", "");

        var report = await tier.ApplyAsync();

        Assert.Equal(["lb2: the node's own validation rejected the new /etc/haproxy/haproxy.cfg; nothing was replaced on any node:\n" +
                      "@@halb invalid /etc/haproxy/haproxy.cfg\n[ALERT] config : parsing [/etc/haproxy/haproxy.cfg.halb-new:12] : unknown keyword 'timeoutt'"], report.Errors);
        Assert.Empty(NodesThatRan(tier, "activate configuration"));
        Assert.Equal(["lb1", "lb3"], NodesThatRan(tier, "discard staged files"));
        Assert.All(tier.Tier.Nodes, n => Assert.Empty(n.Staged));
        Assert.Equal([NodeOutcome.Untouched, NodeOutcome.Failed, NodeOutcome.Untouched], report.Nodes.Select(n => n.Outcome));
        Assert.DoesNotContain(tier.Progress.Lines, l => l.StartsWith("[rollout/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_that_rolls_back_stops_the_rollout_and_the_nodes_after_it_keep_their_old_files()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        tier["lb2"].Answers["activate configuration"] = new ScriptResult(ScriptMarkers.ExitRolledBack, "@@halb rolled-back\n", "Job for haproxy.service failed.\n");

        var report = await tier.ApplyAsync();

        Assert.Equal(["lb2: the services did not come up with the new configuration; the previous configuration was restored and restarted: Job for haproxy.service failed."], report.Errors);
        Assert.Equal(["lb3", "lb2"], NodesThatRan(tier, "activate configuration"));
        Assert.Equal(["lb1"], NodesThatRan(tier, "discard staged files"));
        Assert.Equal([NodeOutcome.Untouched, NodeOutcome.Failed, NodeOutcome.Changed], report.Nodes.Select(n => n.Outcome));
        Assert.EndsWith("# an older one\n", tier["lb1"].Files[NodePaths.HaproxyConfig].Content);
    }

    [Fact]
    public async Task A_node_that_does_not_become_healthy_in_time_stops_the_rollout_after_polling_every_200_ms()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        tier["lb3"].KeepalivedStaysDown = true;

        var report = await tier.ApplyAsync(new ConvergeOptions(HealthTimeout: TimeSpan.FromSeconds(2)));

        Assert.Equal(["lb3: not healthy within 2 s (keepalived inactive, haproxy active, VIP holders: lb1); the rollout stopped here"], report.Errors);
        // Probed at 0, 0.2, ... 2.2 s: the first probe after the deadline gives up.
        Assert.Equal(12, tier.Tier.CallsOn("lb3").Count(c => c == HealthProbe.Description));
        Assert.Equal(["lb3"], NodesThatRan(tier, "activate configuration"));
        Assert.Equal(["lb1", "lb2"], NodesThatRan(tier, "discard staged files"));
        Assert.Equal(NodeOutcome.Failed, report.Nodes.Single(n => n.Node == "lb3").Outcome);
    }

    [Fact]
    public async Task A_connection_failure_on_one_node_fails_that_node_at_connect_and_nothing_changes()
    {
        var tier = ApplyTier.Converged();
        tier["lb2"].ConnectFailure = new HostConnectionException("lb2", "connection refused (10.211.0.12:22)");

        var report = await tier.ApplyAsync();

        Assert.Equal(["lb2: connection refused (10.211.0.12:22)"], report.Errors);
        Assert.Contains("[error/lb2] connection refused (10.211.0.12:22)", tier.Progress.Lines);
        Assert.Equal([NodeOutcome.Untouched, NodeOutcome.Failed, NodeOutcome.Untouched], report.Nodes.Select(n => n.Outcome));
        // The nodes that were reached took their lock and read their facts meanwhile; nothing more.
        Assert.All(tier.Tier.Calls, c => Assert.Equal(FactScript.Description, c.Description));
        Assert.Empty(tier.Tier.CallsOn("lb2"));
        Assert.Equal(["lb1", "lb3"], tier.Tier.Disconnected.Order());
    }

    [Fact]
    public async Task A_step_that_throws_fails_its_node_naming_the_phase_with_secrets_masked()
    {
        var tier = ApplyTier.Converged();
        tier["lb3"].Before[FactScript.Description] = () => throw new InvalidOperationException("the output mentions k8sVip01");

        var report = await tier.ApplyAsync();

        Assert.Equal(["lb3: lock and facts failed: the output mentions ********"], report.Errors);
        Assert.Equal([NodeOutcome.Untouched, NodeOutcome.Untouched, NodeOutcome.Failed], report.Nodes.Select(n => n.Outcome));
        Assert.DoesNotContain(tier.Progress.Lines, l => l.StartsWith("[plan/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_preflight_error_stops_the_run_before_the_plan()
    {
        var tier = ApplyTier.Fresh();
        tier["lb2"].Recording = RecordedFacts.Debian12Chroot;

        var report = await tier.ApplyAsync();

        Assert.Contains("lb2: preflight [systemd] systemd is not running as PID 1; halb-deploy manages keepalived and haproxy as systemd units", report.Errors);
        Assert.Contains("[preflight/lb2] [ERROR] [systemd] systemd is not running as PID 1; halb-deploy manages keepalived and haproxy as systemd units", tier.Progress.Lines);
        Assert.All(tier.Tier.Calls, call => Assert.Equal(FactScript.Description, call.Description));
        Assert.DoesNotContain(tier.Progress.Lines, l => l.StartsWith("[plan/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2.5, true)]
    [InlineData(2.0, false)]
    public async Task A_step_over_two_seconds_on_the_clock_reports_how_long_it_took(double seconds, bool reported)
    {
        var tier = ApplyTier.Converged();
        tier["lb2"].Before[FactScript.Description] = () => tier.Tier.Clock.Advance(TimeSpan.FromSeconds(seconds));

        var report = await tier.ApplyAsync();

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(reported ? ["[lock and facts/lb2] took 2.5 s"] : [], tier.Progress.Lines.Where(l => l.Contains(" took ", StringComparison.Ordinal)));
        Assert.Equal(TimeSpan.FromSeconds(seconds), report.Elapsed);
    }

    [Fact]
    public async Task Interruption_before_anything_changed_reports_interrupted_and_closes_every_session()
    {
        var tier = ApplyTier.Fresh();
        using var interrupt = new CancellationTokenSource();
        tier["lb2"].Before[FactScript.Description] = interrupt.Cancel;

        var report = await tier.ApplyAsync(cancellationToken: interrupt.Token);

        Assert.Equal([Interrupted], report.Errors);
        Assert.All(tier.Tier.Calls, call => Assert.False(call.IsChange, call.ToString()));
        Assert.All(report.Nodes, n => Assert.Equal(NodeOutcome.Untouched, n.Outcome));
        // lb3 may never be connected: the interruption came while lb2 read its facts, right after its own connect.
        Assert.Contains("lb1", tier.Tier.Connected);
        Assert.Equal(tier.Tier.Connected.Order(), tier.Tier.Disconnected.Order());
    }

    [Fact]
    public async Task Interruption_while_staging_discards_the_files_staged_so_far_and_reports_interrupted()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        using var interrupt = new CancellationTokenSource();
        tier["lb2"].Before["stage and validate files"] = interrupt.Cancel;

        var report = await tier.ApplyAsync(cancellationToken: interrupt.Token);

        Assert.Equal([Interrupted], report.Errors);
        Assert.Empty(NodesThatRan(tier, "activate configuration"));
        Assert.Equal(["lb1"], NodesThatRan(tier, "discard staged files"));
        Assert.All(tier.Tier.Nodes, n => Assert.Empty(n.Staged));
        Assert.All(report.Nodes, n => Assert.Equal(NodeOutcome.Untouched, n.Outcome));
        Assert.Equal(AllNodes, tier.Tier.Disconnected.Order());
    }

    [Fact]
    public async Task Interruption_during_an_activation_lets_the_swap_finish_then_discards_the_rest()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();
        using var interrupt = new CancellationTokenSource();
        tier["lb3"].Before["activate configuration"] = interrupt.Cancel;

        var report = await tier.ApplyAsync(cancellationToken: interrupt.Token);

        Assert.Equal([Interrupted], report.Errors);
        var activation = Assert.Single(tier.Tier.Calls, c => c.Description == "activate configuration");
        Assert.False(activation.Cancellable, "the swap runs to its end or its rollback");
        Assert.Equal(tier.Desired.Single(d => d.Node.Name == "lb3").File(NodePaths.HaproxyConfig).Content, tier["lb3"].Files[NodePaths.HaproxyConfig].Content);
        Assert.Equal(["lb1", "lb2"], NodesThatRan(tier, "discard staged files"));
        Assert.DoesNotContain(tier.Tier.CallsOn("lb3"), c => c == HealthProbe.Description);
    }

    [Fact]
    public async Task Plan_reads_every_node_and_never_changes_one()
    {
        var tier = ApplyTier.Fresh();

        var report = await tier.PlanAsync();

        Assert.True(report.DryRun);
        Assert.All(tier.Tier.Calls, call => Assert.False(call.IsChange, call.ToString()));
        Assert.All(report.Nodes, n => Assert.Equal(NodeOutcome.Pending, n.Outcome));
        Assert.Contains("[plan/lb1] + install package keepalived", tier.Progress.Lines);
        Assert.Contains("[plan/lb3] + start haproxy", tier.Progress.Lines);
        Assert.All(tier.Tier.Nodes, n => Assert.False(n.PackagesInstalled));
    }

    [Fact]
    public async Task Plan_reads_a_changed_file_for_its_diff_and_reports_the_nodes_pending()
    {
        var tier = ApplyTier.WithOldHaproxyConfig();

        var report = await tier.PlanAsync();

        Assert.All(tier.Tier.Calls, call => Assert.False(call.IsChange, call.ToString()));
        Assert.Equal([FactScript.Description, "read changed files"], tier.Tier.CallsOn("lb2"));
        Assert.Contains("[plan/lb2] ~ haproxy.cfg changed (+0 -1)", tier.Progress.Lines);
        Assert.Contains("-# an older one", report.Nodes[1].Changes.Single(c => c.Kind == ChangeKind.UpdateFile).Diff);
        Assert.All(report.Nodes, n => Assert.Equal(NodeOutcome.Pending, n.Outcome));
    }

    private static IReadOnlyList<string> Changes(ApplyTier tier, string node) =>
        tier.Tier.Calls.Where(c => c.Node == node && c.IsChange).Select(c => c.Description).ToList();

    private static IReadOnlyList<string> NodesThatRan(ApplyTier tier, string description) =>
        tier.Tier.Calls.Where(c => c.Description == description).Select(c => c.Node).ToList();
}
