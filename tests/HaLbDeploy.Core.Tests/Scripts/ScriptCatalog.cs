using System.Net;
using System.Text;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Facts;
using HaLbDeploy.Core.Tests.Planning;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Scripts;

/// <summary>
/// Every script text halb-deploy sends to a node, built for the example inventory (lb1 on eth0) from fixed facts,
/// by golden file name. The plans cover each branch of the apply scripts (the recorded facts chosen give distinct
/// scripts): fresh and partly installed nodes, a reload of either unit, drifted attributes and a converged node.
/// </summary>
public static class ScriptCatalog
{
    private static readonly IPAddress Vip = PlanningFixtures.Inventory.Vip.Address;

    public static IReadOnlyDictionary<string, Func<string>> All { get; } = Build();

    private static Dictionary<string, Func<string>> Build()
    {
        var scripts = new Dictionary<string, Func<string>>(StringComparer.Ordinal);
        AddReadScripts(scripts);
        AddFaultScripts(scripts);
        AddPackageScripts(scripts);
        AddFileScripts(scripts);
        scripts["host-settings-centos7.sh"] = () => NodeScripts.HostSettings(PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.CentOs7)));
        scripts["host-settings-debian12-fresh.sh"] = () => NodeScripts.HostSettings(PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.Debian12Fresh)));
        foreach (var (name, plan) in Plans())
            scripts[$"activate-{name}.sh"] = () => NodeScripts.Activate(plan(), PlanningFixtures.Inventory.FrontendPorts);
        scripts["activate-identity-cutover-holder.sh"] = () =>
            NodeScripts.Activate(Changed(NodePaths.KeepalivedConfig), PlanningFixtures.Inventory.FrontendPorts, takeover: new CutoverTakeover(PlanningFixtures.Inventory.Vip.Address, "eth0"));
        scripts["activate-debian12-fresh-timeout-30s.sh"] = () => NodeScripts.Activate(PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.Debian12Fresh)), [8443], 30);
        scripts["activate-fast-track-drop-in-lands.sh"] = () => NodeScripts.Activate(TrackDropInPlans.DropInLands(), PlanningFixtures.Inventory.FrontendPorts);
        scripts["activate-fast-track-drop-in-goes.sh"] = () => NodeScripts.Activate(TrackDropInPlans.DropInGoes(), PlanningFixtures.Inventory.FrontendPorts);
        scripts["stage-fast-track-drop-in.sh"] = () => NodeScripts.Stage([TrackDropInPlans.FastDesired.File(NodePaths.HaproxyTrackDropIn)]);
        return scripts;
    }

    private static void AddReadScripts(Dictionary<string, Func<string>> scripts)
    {
        var paths = PlanningFixtures.Desired().Files.Select(f => f.Path).ToList();
        scripts["facts.sh"] = () => FactScript.Build(paths, PlanningFixtures.Inventory.FrontendPorts);
        scripts["facts-quoted-and-repeated-paths.sh"] = () => FactScript.Build(["/etc/it's.cfg", "/etc/a b", "/etc/it's.cfg"], 80);
        scripts["node-status.sh"] = () => NodeStatusScript.Build("eth0");
        scripts["node-status-quoted-interface.sh"] = () => NodeStatusScript.Build("eth0'; reboot; '");
        scripts["tier-status.sh"] = () => HaLbDeploy.Core.Status.TierStatusScript.Build();
        scripts["drain-api2.sh"] = () => HaLbDeploy.Core.Drain.ServerStateScript.BuildChange("api2", HaLbDeploy.Core.Drain.ServerAdminState.Drain);
        scripts["health-probe.sh"] = () => HealthProbe.Script;
        scripts["vip-sampler-10s-every-50ms.sh"] = () => VipSamplerScript.Build(Vip, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));
        scripts["vip-sampler-2.5s-every-33.3ms.sh"] = () => VipSamplerScript.Build(IPAddress.Parse("10.0.0.1"), TimeSpan.FromSeconds(2.5), TimeSpan.FromMilliseconds(100.0 / 3));
        scripts["run-lock-at-once.sh"] = () => RunLockScript.For("run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z");
        scripts["run-lock-reading-facts.sh"] = () => RunLockScript.For("run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z",
            readOnceTaken: FactScript.Build([NodePaths.HaproxyConfig, NodePaths.KeepalivedConfig], 6443));
        scripts["run-lock-waiting-8s.sh"] = () => RunLockScript.For("run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z", 8);
        scripts["read-files.sh"] = () => NodeScripts.ReadFiles([NodePaths.HaproxyConfig, NodePaths.KeepalivedConfig]);
    }

    private static void AddFaultScripts(Dictionary<string, Func<string>> scripts)
    {
        scripts["fault-prepare-kill-haproxy.sh"] = () => FaultScripts.Prepare(FailoverMode.KillHaproxy)!;
        scripts["fault-kill-haproxy.sh"] = () => FaultScripts.Fault(FailoverMode.KillHaproxy);
        scripts["fault-restore-kill-haproxy.sh"] = () => FaultScripts.Restore(FailoverMode.KillHaproxy);
        scripts["fault-stop.sh"] = () => FaultScripts.Fault(FailoverMode.Stop);
        scripts["fault-read-haproxy-tracking.sh"] = () => FaultScripts.ReadHaproxyTracking;
        scripts["fault-restore-stop.sh"] = () => FaultScripts.Restore(FailoverMode.Stop);
    }

    private static void AddPackageScripts(Dictionary<string, Func<string>> scripts)
    {
        foreach (var manager in new[] { PackageManager.Apt, PackageManager.Dnf, PackageManager.Yum })
        {
            var name = manager.ToString().ToLowerInvariant();
            scripts[$"install-packages-{name}.sh"] = () => NodeScripts.InstallPackages(manager, NodePlanner.Packages);
            scripts[$"install-package-files-{name}.sh"] = () => NodeScripts.InstallPackageFiles(manager, PackageFiles(manager));
            scripts[$"package-versions-{name}.sh"] = () => PackageVersionsScript.For(manager);
            scripts[$"hold-{name}.sh"] = () => PackageHoldScript.For(manager, [new PackageHold("keepalived", "1:2.2.7-1"), new PackageHold("haproxy", "2.6.12-1")]);
            scripts[$"release-holds-{name}.sh"] = () => PackageHoldScript.For(manager, [new PackageRelease("haproxy")]);
            scripts[$"upgrade-{name}.sh"] = () => UpgradeScript.For(manager, [new("keepalived", "1:2.2.7-1", "1:2.2.7-1+halb1"), new("haproxy", "2.6.12-1", "2.6.12-1+halb1")]);
        }
        scripts["upgrade-stop-keepalived.sh"] = () => UpgradeScript.StopKeepalived;
        scripts["upgrade-start-keepalived.sh"] = () => UpgradeScript.StartKeepalived;
        var files = PackageFiles(PackageManager.Apt);
        var keepalived = Bytes(150, seed: 1);
        var haproxy = Bytes(40, seed: 2);
        scripts["upload-package-pieces-first.sh"] = () => NodeScripts.UploadPackagePieces(
            [new(new PackagePiece(files[0], 0, 150), keepalived), new(new PackagePiece(files[1], 0, 20), haproxy[..20])], startFresh: true);
        scripts["upload-package-pieces-later.sh"] = () => NodeScripts.UploadPackagePieces(
            [new(new PackagePiece(files[1], 20, 20), haproxy[20..])], startFresh: false);
    }

    private static void AddFileScripts(Dictionary<string, Func<string>> scripts)
    {
        var desired = PlanningFixtures.Desired();
        scripts["stage-all-files.sh"] = () => NodeScripts.Stage(desired.Files);
        scripts["stage-haproxy-cfg.sh"] = () => NodeScripts.Stage([desired.File(NodePaths.HaproxyConfig)]);
        scripts["stage-keepalived-conf-without-check-script.sh"] = () => NodeScripts.Stage([desired.File(NodePaths.KeepalivedConfig)]);
        scripts["discard-all-files.sh"] = () => NodeScripts.Discard(desired.Files);
        var withMetrics = HaLbDeploy.Core.Rendering.ConfigurationRenderer.WithBuiltInTemplates()
            .RenderAll(Rendering.ExampleInventory.Load() with { Metrics = new HaLbDeploy.Core.Model.MetricsSettings(8405, HaLbDeploy.Core.Model.MetricsBind.Node) })[0];
        scripts["stage-haproxy-cfg-with-metrics-lua.sh"] = () => NodeScripts.Stage(
            [withMetrics.File(NodePaths.HaproxyConfig), withMetrics.File(NodePaths.HaproxyVrrpMetricsLua)]);
    }

    private static IEnumerable<(string Name, Func<NodePlan> Plan)> Plans()
    {
        foreach (var (name, recorded) in new[]
        {
            ("centos7", RecordedFacts.CentOs7), ("rocky8", RecordedFacts.Rocky8),
            ("ubuntu2204-keepalived-failed", RecordedFacts.Ubuntu2204), ("debian12-fresh", RecordedFacts.Debian12Fresh),
        })
        {
            yield return (name, () => PlanningFixtures.Plan(RecordedFacts.Parse(recorded)));
        }
        yield return ("converged", () => PlanningFixtures.Plan(PlanningFixtures.Converged()));
        yield return ("haproxy-cfg-changed", () => Changed(NodePaths.HaproxyConfig));
        yield return ("keepalived-conf-changed", () => Changed(NodePaths.KeepalivedConfig));
        yield return ("attributes-drifted", () =>
        {
            var facts = PlanningFixtures.Converged();
            return PlanningFixtures.Plan(facts with { Files = facts.Files.Select(f => f.Path == NodePaths.HaproxyCheckScript ? f with { Mode = "644", Owner = "nobody" } : f).ToList() });
        });
    }

    private static NodePlan Changed(string path)
    {
        var facts = PlanningFixtures.Converged();
        facts = facts with { Files = facts.Files.Select(f => f.Path == path ? f with { Sha256 = "0" } : f).ToList() };
        return PlanningFixtures.Plan(facts);
    }

    private static List<PackageFile> PackageFiles(PackageManager manager) => manager == PackageManager.Apt
        ?
        [
            new("/pkgs/keepalived_2.2.7-1_amd64.deb", "keepalived_2.2.7-1_amd64.deb", 150, new string('a', 64), PackageFormat.Deb),
            new("/pkgs/haproxy_2.6.12-1_amd64.deb", "haproxy_2.6.12-1_amd64.deb", 40, new string('b', 64), PackageFormat.Deb),
        ]
        :
        [
            new("/pkgs/keepalived-2.2.8-3.el9.x86_64.rpm", "keepalived-2.2.8-3.el9.x86_64.rpm", 150, new string('c', 64), PackageFormat.Rpm),
            new("/pkgs/haproxy-2.4.22-1.el9.x86_64.rpm", "haproxy-2.4.22-1.el9.x86_64.rpm", 40, new string('d', 64), PackageFormat.Rpm),
        ];

    private static byte[] Bytes(int count, int seed) =>
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, count).Select(i => (char)('!' + (i * 7 + seed) % 90))));
}
