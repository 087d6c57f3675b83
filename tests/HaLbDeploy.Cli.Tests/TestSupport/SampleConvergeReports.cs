using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Tests.TestSupport;

/// <summary>Plan and apply results built by hand: every node outcome, changes with and without diffs, errors and warnings.</summary>
public static class SampleConvergeReports
{
    private const string HaproxyDiff =
        "--- /etc/haproxy/haproxy.cfg\n+++ /etc/haproxy/haproxy.cfg (new)\n@@ -1,3 +1,4 @@\n global\n-    maxconn 2000\n+    maxconn 4000\n+    log stdout format raw local0\n defaults\n";

    private const string KeepalivedDiff =
        "--- /dev/null\n+++ /etc/keepalived/keepalived.conf (new)\n@@ -0,0 +1,3 @@\n+# \"managed\" by halb-deploy <do not edit>\n+    auth_pass ********\n+    virtual_router_id 51\n";

    public static ConvergeReport Plan() => new(
        DryRun: true,
        [
            new NodeRunResult("lb3", NodeOutcome.Pending,
            [
                new Change(ChangeKind.InstallPackage, "haproxy", "install haproxy"),
                new Change(ChangeKind.AllowFirewall, "vrrp", "allow VRRP (protocol 112) from 192.168.88.0/24"),
                new Change(ChangeKind.UpdateFile, "/etc/haproxy/haproxy.cfg", "haproxy.cfg changed (+2 -1)", HaproxyDiff),
                new Change(ChangeKind.CreateFile, "/etc/keepalived/keepalived.conf", "keepalived.conf created (+3)", KeepalivedDiff),
                new Change(ChangeKind.FixFileAttributes, "/etc/keepalived/check_haproxy.sh", "check_haproxy.sh mode 0644 → 0755"),
                new Change(ChangeKind.EnableUnit, "keepalived.service", "enable keepalived"),
                new Change(ChangeKind.StartUnit, "keepalived.service", "start keepalived"),
            ]),
            new NodeRunResult("lb2", NodeOutcome.Unchanged, []),
            new NodeRunResult("lb1", NodeOutcome.Pending, [new Change(ChangeKind.ReloadUnit, "haproxy.service", "reload haproxy")], HoldsVip: true),
        ],
        Errors: [],
        Warnings: ["lb2: SELinux is permissive"],
        TimeSpan.FromMilliseconds(2345.678),
        new RolloutDecision(RolloutStrategy.IdentityCutover, ["virtual_router_id 51 -> 77", "authentication secret changed"]));

    public static ConvergeReport Apply() => new(
        DryRun: false,
        [
            new NodeRunResult("lb3", NodeOutcome.Changed,
            [
                new Change(ChangeKind.SetSelinuxBoolean, "haproxy_connect_any", "setsebool -P haproxy_connect_any on"),
                new Change(ChangeKind.UpdateFile, "/etc/haproxy/haproxy.cfg", "haproxy.cfg changed (+2 -1)", HaproxyDiff),
                new Change(ChangeKind.RestartUnit, "haproxy.service", "restart haproxy"),
            ]),
            new NodeRunResult("lb2", NodeOutcome.Failed,
                [new Change(ChangeKind.UpdateFile, "/etc/keepalived/keepalived.conf", "keepalived.conf changed (+1 -1)", KeepalivedDiff)],
                "haproxy -c: [ALERT] parsing [/etc/haproxy/haproxy.cfg:12]: unknown keyword 'maxconnn'; the old configuration was restored"),
            new NodeRunResult("lb1", NodeOutcome.Untouched, [], HoldsVip: true),
        ],
        Errors: ["lb2 failed: the rollout stopped before lb1"],
        Warnings: ["lb3: keepalived 2.0.10 is older than 2.1: \"vrrp_garp_master_refresh\" ignored"],
        TimeSpan.FromSeconds(61.005));
}
