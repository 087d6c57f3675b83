using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>Facts in, changes out (pyinfra style), including the RHEL paths the Debian lab cannot show.</summary>
public sealed class NodePlannerTests
{
    private static IEnumerable<(ChangeKind, string)> Kinds(NodePlan plan) => plan.Changes.Select(c => (c.Kind, c.Target));

    [Fact]
    public void A_converged_node_yields_no_change_at_all()
    {
        var plan = PlanningFixtures.Plan(PlanningFixtures.Converged());

        Assert.Empty(plan.Changes);
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void CentOS_7_with_firewalld_and_selinux_enforcing_gets_haproxy_the_api_port_the_peer_rules_and_the_boolean_and_keeps_its_own_vrrp_rule()
    {
        var plan = PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.CentOs7));

        Assert.Contains((ChangeKind.InstallPackage, "haproxy"), Kinds(plan));
        Assert.DoesNotContain((ChangeKind.InstallPackage, "keepalived"), Kinds(plan));
        // the node's own broad `rule protocol value="vrrp" accept` is not ours: it is neither relied on nor removed
        Assert.Equal(2, plan.Of(ChangeKind.AllowFirewall).Count(c => FirewallRules.IsOurs(c.Target)));
        Assert.Empty(plan.Of(ChangeKind.RemoveFirewallRule));
        Assert.Contains((ChangeKind.AllowFirewall, "6443/tcp"), Kinds(plan));
        Assert.Contains((ChangeKind.SetSelinuxBoolean, "haproxy_connect_any"), Kinds(plan));
    }

    [Fact]
    public void With_metrics_a_firewalld_node_also_gets_the_metrics_port_opened_and_without_them_it_does_not()
    {
        var facts = RecordedFacts.Parse(RecordedFacts.CentOs7);
        var inventory = PlanningFixtures.Inventory;

        var with = PlanningFixtures.Plan(inventory with { Metrics = new MetricsSettings(8405, MetricsBind.Node) }, facts);
        var without = PlanningFixtures.Plan(inventory, facts);

        Assert.Contains((ChangeKind.AllowFirewall, "8405/tcp"), Kinds(with));
        Assert.DoesNotContain((ChangeKind.AllowFirewall, "8405/tcp"), Kinds(without));
    }

    [Fact]
    public void A_fresh_debian_node_gets_both_packages_every_file_and_both_units_enabled_and_started()
    {
        var plan = PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.Debian12Fresh));

        Assert.Equal(
            [
                (ChangeKind.InstallPackage, "keepalived"), (ChangeKind.InstallPackage, "haproxy"),
                (ChangeKind.CreateFile, NodePaths.HaproxyConfig), (ChangeKind.CreateFile, NodePaths.HaproxyCheckScript),
                (ChangeKind.CreateFile, NodePaths.VrrpNotifyScript), (ChangeKind.CreateFile, NodePaths.KeepalivedConfig),
                (ChangeKind.EnableUnit, "haproxy"), (ChangeKind.StartUnit, "haproxy"), (ChangeKind.EnableUnit, "keepalived"), (ChangeKind.StartUnit, "keepalived"),
            ],
            Kinds(plan));
    }

    [Fact]
    public void Without_firewalld_and_selinux_no_host_setting_is_planned()
    {
        var plan = PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.Debian12Fresh));

        Assert.Empty(plan.Of(ChangeKind.AllowFirewall, ChangeKind.RemoveFirewallRule, ChangeKind.SetSelinuxBoolean));
    }

    [Fact]
    public void A_changed_haproxy_cfg_reloads_haproxy_only_and_shows_a_diff()
    {
        var desired = PlanningFixtures.Desired().File(NodePaths.HaproxyConfig).Content;
        var old = desired.Replace("timeout client 15m", "timeout client 1m");
        var facts = WithFile(PlanningFixtures.Converged(), NodePaths.HaproxyConfig, old);

        var plan = PlanningFixtures.Plan(facts, currentContent: path => path == NodePaths.HaproxyConfig ? old : null);

        Assert.Equal([(ChangeKind.UpdateFile, NodePaths.HaproxyConfig), (ChangeKind.ReloadUnit, "haproxy")], Kinds(plan));
        var change = plan.Changes[0];
        Assert.Equal("~ haproxy.cfg changed (+1 -1)", change.ToString());
        Assert.Contains("-    timeout client 1m\n+    timeout client 15m\n", change.Diff);
    }

    [Fact]
    public void A_changed_keepalived_conf_reloads_keepalived_and_the_diff_never_shows_an_old_or_new_secret()
    {
        var desired = PlanningFixtures.Desired().File(NodePaths.KeepalivedConfig).Content;
        var old = desired.Replace("k8sVip01", "OldPass9").Replace("priority 100", "priority 99");
        var facts = WithFile(PlanningFixtures.Converged(), NodePaths.KeepalivedConfig, old);

        var plan = PlanningFixtures.Plan(facts, currentContent: _ => old);

        Assert.Equal([(ChangeKind.UpdateFile, NodePaths.KeepalivedConfig), (ChangeKind.ReloadUnit, "keepalived")], Kinds(plan));
        var diff = plan.Changes[0].Diff!;
        Assert.Contains("-    priority 99\n+    priority 100\n", diff);
        Assert.DoesNotContain("OldPass9", diff);
        Assert.DoesNotContain("k8sVip01", diff);
    }

    [Fact]
    public void A_changed_secret_alone_shows_as_a_changed_line_without_either_value()
    {
        var desired = PlanningFixtures.Desired().File(NodePaths.KeepalivedConfig).Content;
        var old = desired.Replace("k8sVip01", "OldPass9");
        var facts = WithFile(PlanningFixtures.Converged(), NodePaths.KeepalivedConfig, old);

        var plan = PlanningFixtures.Plan(facts, currentContent: _ => old);

        var change = plan.Changes[0];
        Assert.Equal("~ keepalived.conf changed (+1 -1)", change.ToString());
        Assert.Contains("-        auth_pass ******** (a different secret)\n+        auth_pass ********\n", change.Diff);
        Assert.DoesNotContain("OldPass9", change.Diff);
        Assert.DoesNotContain("k8sVip01", change.Diff);
    }

    [Fact]
    public void A_created_keepalived_conf_shows_its_content_with_the_secret_masked()
    {
        var plan = PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.Debian12Fresh));

        var diff = plan.Changes.Single(c => c.Target == NodePaths.KeepalivedConfig).Diff!;

        Assert.Contains("+        auth_pass ********", diff);
        Assert.DoesNotContain("k8sVip01", diff);
    }

    [Fact]
    public void A_drifted_mode_is_fixed_without_a_reload()
    {
        var facts = PlanningFixtures.Converged();
        facts = facts with { Files = facts.Files.Select(f => f.Path == NodePaths.KeepalivedConfig ? f with { Mode = "0644" } : f).ToList() };

        var plan = PlanningFixtures.Plan(facts);

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ChangeKind.FixFileAttributes, NodePaths.KeepalivedConfig), (change.Kind, change.Target));
    }

    [Fact]
    public void A_stopped_unit_is_started_even_when_its_configuration_is_unchanged()
    {
        var facts = PlanningFixtures.Converged();
        facts = facts with { Units = facts.Units.Select(u => u.Name == "keepalived.service" ? u with { ActiveState = "failed", SubState = "failed" } : u).ToList() };

        var plan = PlanningFixtures.Plan(facts);

        Assert.Equal([(ChangeKind.StartUnit, "keepalived")], Kinds(plan));
    }

    private static NodeFacts WithFile(NodeFacts facts, string path, string content) =>
        facts with { Files = facts.Files.Select(f => f.Path == path ? f with { Sha256 = ContentDigest.Of(content) } : f).ToList() };
}
