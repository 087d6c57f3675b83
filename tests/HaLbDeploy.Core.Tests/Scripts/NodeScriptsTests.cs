using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Facts;
using HaLbDeploy.Core.Tests.Planning;

namespace HaLbDeploy.Core.Tests.Scripts;

/// <summary>Plans in, shell out: what apply would run on each family of node.</summary>
public sealed class NodeScriptsTests
{
    [Theory]
    [InlineData(PackageManager.Apt, "apt-get install -y -q -o Dpkg::Options::=--force-confold 'keepalived' 'haproxy'")]
    [InlineData(PackageManager.Dnf, "dnf install -y -q 'keepalived' 'haproxy'")]
    [InlineData(PackageManager.Yum, "yum install -y -q 'keepalived' 'haproxy'")]
    public void Packages_are_installed_with_the_nodes_own_package_manager(PackageManager manager, string command)
    {
        Assert.Contains(command, NodeScripts.InstallPackages(manager, ["keepalived", "haproxy"]));
    }

    [Fact]
    public void CentOS_7_gets_the_api_port_in_its_interfaces_zone_now_and_permanently_and_the_selinux_boolean()
    {
        var script = NodeScripts.HostSettings(PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.CentOs7)));

        Assert.Contains("zone=$(firewall-cmd --get-zone-of-interface='eth0' 2>/dev/null || firewall-cmd --get-default-zone)", script);
        Assert.Contains("firewall-cmd -q --zone=\"$zone\" --add-port='6443/tcp'", script);
        Assert.Contains("firewall-cmd -q --permanent --zone=\"$zone\" --add-port='6443/tcp'", script);
        Assert.Contains("setsebool -P haproxy_connect_any 1", script);
    }

    [Fact]
    public void Staging_writes_every_file_beside_its_target_unreadable_to_others_and_validates_with_the_nodes_binaries()
    {
        var desired = PlanningFixtures.Desired();

        var script = NodeScripts.Stage(desired.Files);

        Assert.Contains("umask 077", script);
        Assert.Contains("base64 -d > '/etc/keepalived/keepalived.conf.halb-new' <<'HALB_EOF'", script);
        Assert.Contains("chown 'root:root' '/etc/keepalived/keepalived.conf.halb-new' && chmod 0640", script);
        Assert.Contains("haproxy -c -q -f '/etc/haproxy/haproxy.cfg.halb-new'", script);
        Assert.Contains("keepalived -t -f '/etc/keepalived/keepalived.conf.halb-new.check'", script);
        Assert.DoesNotContain("k8sVip01", script); // the content travels base64-encoded; it is still secret, and never logged
        Assert.DoesNotContain("mv -f", script);
    }

    [Fact]
    public void Activation_backs_up_before_the_rename_and_checks_that_a_reload_really_started_a_new_haproxy_worker()
    {
        var desired = PlanningFixtures.Desired().File(NodePaths.HaproxyConfig).Content;
        var facts = PlanningFixtures.Converged();
        facts = facts with { Files = facts.Files.Select(f => f.Path == NodePaths.HaproxyConfig ? f with { Sha256 = "0" } : f).ToList() };
        var plan = PlanningFixtures.Plan(facts, currentContent: _ => desired + "# old\n");

        var script = NodeScripts.Activate(plan, [6443]);

        var backup = script.IndexOf("cp -p '/etc/haproxy/haproxy.cfg' '/etc/haproxy/haproxy.cfg.halb-bak'", StringComparison.Ordinal);
        var rename = script.IndexOf("mv -f '/etc/haproxy/haproxy.cfg.halb-new' '/etc/haproxy/haproxy.cfg'", StringComparison.Ordinal);
        Assert.True(backup >= 0 && rename > backup, script);
        Assert.True(script.IndexOf("restorecon -F '/etc/haproxy/haproxy.cfg'", StringComparison.Ordinal) > rename, "relabel after the rename");
        Assert.Contains("systemctl reload haproxy || rollback", script);
        Assert.Contains("[ \"$now\" != \"$before\" ]", script);
        Assert.Contains("sport = :6443", script);
        Assert.DoesNotContain("keepalived", script.Split('\n').Where(l => l.StartsWith("systemctl ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Activation_removes_the_backup_with_the_old_secret_once_the_units_run_on_the_new_file_and_not_before()
    {
        var desired = PlanningFixtures.Desired().File(NodePaths.KeepalivedConfig).Content;
        var facts = PlanningFixtures.Converged();
        facts = facts with { Files = facts.Files.Select(f => f.Path == NodePaths.KeepalivedConfig ? f with { Sha256 = "0" } : f).ToList() };
        var plan = PlanningFixtures.Plan(facts, currentContent: _ => desired.Replace("k8sVip01", "0ldSecrt", StringComparison.Ordinal));

        var lines = NodeScripts.Activate(plan, [6443]).Split('\n');

        var removal = Array.IndexOf(lines, "rm -f '/etc/keepalived/keepalived.conf.halb-created' '/etc/keepalived/keepalived.conf.halb-bak'");
        var lastWait = Array.FindLastIndex(lines, l => l.StartsWith("wait_for '", StringComparison.Ordinal));
        var rollbackEnd = Array.IndexOf(lines, "}", Array.FindIndex(lines, l => l == "rollback() {"));
        Assert.True(lastWait > rollbackEnd && removal > lastWait, string.Join('\n', lines));
        Assert.Equal($"echo '{ScriptMarkers.Done}'", lines[removal + 1]);
        Assert.Single(lines, l => l.StartsWith("rm -f", StringComparison.Ordinal) && l.Contains(".halb-bak", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void Every_script_is_valid_posix_shell(string shell)
    {
        var plan = PlanningFixtures.Plan(RecordedFacts.Parse(RecordedFacts.CentOs7));
        var scripts = new[]
        {
            NodeScripts.InstallPackages(PackageManager.Yum, ["haproxy"]), NodeScripts.HostSettings(plan), NodeScripts.Stage(plan.Desired.Files),
            NodeScripts.Activate(plan, [6443]), NodeScripts.Discard(plan.Desired.Files), NodeScripts.ReadFiles([NodePaths.HaproxyConfig]), HealthProbe.Script,
        };

        foreach (var script in scripts)
        {
            var result = LocalShell.Run(shell, script, "-n");
            Assert.True(result.ExitCode == 0, $"{shell} -n: {result.StandardError}\n{script}");
        }
    }

    [Fact]
    public void Files_read_back_from_a_node_are_parsed_by_path()
    {
        var script = NodeScripts.ReadFiles(["/tmp/a"]);
        var output = "@@halb file /etc/a\naGVsbG8K\n@@halb end\n@@halb file /etc/missing\n@@halb missing\n@@halb end\n";

        var files = NodeScripts.ParseFiles(output);

        Assert.Contains("base64 '/tmp/a'", script);
        Assert.Equal("hello\n", files["/etc/a"]);
        Assert.False(files.ContainsKey("/etc/missing"));
    }
}
