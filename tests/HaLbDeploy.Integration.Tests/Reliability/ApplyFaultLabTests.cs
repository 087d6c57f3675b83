using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Ssh;
using HaLbDeploy.Integration.Tests.Support;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Integration.Tests.Reliability;

/// <summary>
/// Faults during apply, on the real lab: whatever happens, every node keeps its complete old or complete new
/// configuration with its services running, and the VIP stays held.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ApplyFaultLabTests
{
    private const string Api3Backend = "  - name: api3\n    address: 10.211.0.33\n    port: 6443\n";

    public ApplyFaultLabTests() => LabFacts.RequireLabUp();

    [Fact]
    public async Task A_node_cut_off_mid_rollout_stops_the_run_and_every_node_stays_whole_and_a_rerun_converges()
    {
        using var all = await ConvergedAsync();
        using var changed = LabInventory.With((Api3Backend, ""));
        var before = await HaproxyDigestsAsync();
        var keepalived = await DigestsAsync("/etc/keepalived/keepalived.conf");
        var watcher = new LineWatcher("[rollout/lb3] healthy", () => LabControl.RunAsync("link-down", "lb2"));
        CliRun run;
        try
        {
            run = await LabCli.RunAsync(watcher, "apply", "-i", changed.Path, "--command-timeout", "8", "--health-timeout", "10");
        }
        finally
        {
            await LabControl.RunAsync("link-up", "lb2");
        }

        Assert.True(watcher.HasFired, run.ToString());
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(run.Output.Contains("lb2: FAILED", StringComparison.Ordinal), run.ToString());
        Assert.Contains("lb1: untouched", run.Output.Replace(" (VIP holder)", ""));
        await WaitForAsync(async () => (await LabNodeShell.VipHoldersAsync()).SequenceEqual(["lb1"]), "lb1 alone holds the VIP again");
        Assert.Equal(keepalived, await DigestsAsync("/etc/keepalived/keepalived.conf"));
        var after = await HaproxyDigestsAsync();
        Assert.Equal(before["lb1"], after["lb1"]);
        Assert.NotEqual(before["lb3"], after["lb3"]);
        Assert.True(after["lb2"] == before["lb2"] || after["lb2"] == after["lb3"], "lb2 has its complete old or complete new configuration");
        // lb2 may keep the file staged for it (never live): it could not be reached to remove it. The next
        // apply that stages there replaces it.
        await AssertAllServicesActiveAsync();

        var rerun = await LabCli.RunAsync("apply", "-i", changed.Path);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", all.Path)).ExitCode);
        await AssertAllServicesActiveAndNothingStagedAsync();
    }

    [Fact]
    public async Task An_override_template_that_renders_invalid_haproxy_config_is_rejected_on_the_nodes_and_nothing_is_replaced()
    {
        using var inventory = await ConvergedAsync();
        var before = await ConfigDigestsAsync();
        var starts = await UnitStartsAsync();
        var templates = OverrideTemplates("haproxy.cfg.liquid", t => t + "\nbackend broken\n    balance no-such-algorithm\n");
        try
        {
            var run = await LabCli.RunAsync("apply", "-i", inventory.Path, "--templates", templates);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("the node's own validation rejected the new /etc/haproxy/haproxy.cfg; nothing was replaced on any node", run.Output);
            Assert.Equal(before, await ConfigDigestsAsync());
            Assert.Equal(starts, await UnitStartsAsync());
            await AssertAllServicesActiveAndNothingStagedAsync();
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }

    [Fact]
    public async Task A_configuration_haproxy_cannot_run_is_rolled_back_on_the_first_node_and_the_rollout_stops()
    {
        using var inventory = await ConvergedAsync();
        var before = await ConfigDigestsAsync();
        // Passes `haproxy -c` (which binds nothing) but no node owns 10.211.0.250, so the new worker cannot bind.
        var templates = OverrideTemplates("haproxy.cfg.liquid", t => t.Replace("bind *:{{ frontend.port }}", "bind 10.211.0.250:{{ frontend.port }}", StringComparison.Ordinal));
        try
        {
            var run = await LabCli.RunAsync("apply", "-i", inventory.Path, "--templates", templates);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("lb3: FAILED", run.Output);
            Assert.Contains("the previous configuration was restored and restarted", run.Output);
            Assert.Contains("lb2: untouched", run.Output);
            Assert.Equal(before, await ConfigDigestsAsync());
            await AssertAllServicesActiveAndNothingStagedAsync();
            Assert.Equal(["lb1"], await LabNodeShell.VipHoldersAsync());
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }

    [Fact]
    public async Task A_connection_dropped_during_the_upload_never_makes_the_partial_file_live()
    {
        using var inventory = await ConvergedAsync();
        var before = await ConfigDigestsAsync();
        var lab = new InventoryLoader(SystemInventoryEnvironment.Instance).LoadFile(inventory.Path).Inventory!;
        var node = lab.Nodes.Single(n => n.Name == "lb2");
        var desired = new ConfigurationRenderer(TemplateSet.BuiltIn()).Render(lab with { Frontends = [lab.Frontends[0] with { Backends = lab.Frontends[0].Backends.Take(2).ToList() }] }, node);
        var stage = NodeScripts.Stage(desired.Files);
        var cut = stage[..(stage.IndexOf("HALB_EOF\n", StringComparison.Ordinal) + 200)]; // the stream ends inside the first file

        await using (var session = await LabSshNodes.Connector().ConnectAsync(node, CancellationToken.None))
        {
            var result = await session.ChangeAsync("cut-off stage", cut, CancellationToken.None);
            Assert.NotEqual(0, result.ExitCode);
        }

        Assert.Equal(before, await ConfigDigestsAsync());
        await AssertAllServicesActiveAsync();
        // The partial PATH.halb-new is never read by anything; the next apply that stages files replaces it.
        using var changed = LabInventory.With((Api3Backend, ""));
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", changed.Path)).ExitCode);
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", inventory.Path)).ExitCode);
        await AssertAllServicesActiveAndNothingStagedAsync();
    }

    [Fact]
    public async Task A_full_disk_on_a_node_is_a_clear_error_and_the_live_configuration_stays_intact()
    {
        using var inventory = await ConvergedAsync();
        var before = await ConfigDigestsAsync();
        // A 64 KiB filesystem over /etc/haproxy holding the current files: a 200 KiB new haproxy.cfg cannot be staged.
        await LabNodeShell.RunAsync("lb2", "cp -a /etc/haproxy /tmp/haproxy.keep && mount -t tmpfs -o size=64k,mode=0755 halb-full /etc/haproxy && cp -a /tmp/haproxy.keep/. /etc/haproxy/");
        var templates = OverrideTemplates("haproxy.cfg.liquid", t => t + string.Concat(Enumerable.Repeat("# padding to fill the disk ..........................................................\n", 2500)));
        try
        {
            var run = await LabCli.RunAsync("apply", "-i", inventory.Path, "--templates", templates);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("lb2: FAILED", run.Output);
            Assert.Contains("staging files failed", run.Output);
            Assert.Contains("No space left on device", run.Output);
            Assert.Equal(before, await ConfigDigestsAsync());
            await AssertAllServicesActiveAndNothingStagedAsync();
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
            await LabNodeShell.RunAsync("lb2", "umount /etc/haproxy; rm -rf /tmp/haproxy.keep");
        }
    }

    [Fact]
    public async Task Sigterm_during_apply_lets_the_current_node_finish_and_stops_cleanly_with_exit_130()
    {
        using var all = await ConvergedAsync();
        using var changed = LabInventory.With((Api3Backend, ""));
        var before = await HaproxyDigestsAsync();

        var (exit, output, error) = await HalbProcess.RunAndSignalAsync(["apply", "-i", changed.Path], "[configs/lb2]");

        Assert.True(exit == 130, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("SIGTERM: stopping cleanly", error);
        Assert.Contains("interrupted", output);
        var after = await HaproxyDigestsAsync();
        Assert.Equal(before["lb1"], after["lb1"]);
        Assert.NotEqual(before["lb3"], after["lb3"]);
        Assert.True(after["lb2"] == before["lb2"] || after["lb2"] == after["lb3"], "lb2 has its complete old or complete new configuration");
        await AssertAllServicesActiveAndNothingStagedAsync();
        Assert.Equal(["lb1"], await LabNodeShell.VipHoldersAsync());
        Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", all.Path)).ExitCode);
    }

    private static async Task<LabInventory> ConvergedAsync()
    {
        var inventory = LabInventory.AsIs();
        var run = await LabCli.RunAsync("apply", "-i", inventory.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        return inventory;
    }

    private static string OverrideTemplates(string name, Func<string, string> edit)
    {
        var dir = Directory.CreateTempSubdirectory("halb-templates-").FullName;
        var original = File.ReadAllText(RepositoryRoot.Of(Path.Combine("playbooks/templates", name)));
        var edited = edit(original);
        Assert.NotEqual(original, edited);
        File.WriteAllText(Path.Combine(dir, name), edited);
        return dir;
    }

    private static Task<Dictionary<string, string>> ConfigDigestsAsync() => DigestsAsync("/etc/haproxy/haproxy.cfg /etc/keepalived/keepalived.conf");

    /// <summary>haproxy.cfg alone: the same text on every node, so "complete new" on one node means "as on another new one".</summary>
    private static Task<Dictionary<string, string>> HaproxyDigestsAsync() => DigestsAsync("/etc/haproxy/haproxy.cfg");

    private static async Task<Dictionary<string, string>> DigestsAsync(string paths)
    {
        var outputs = await LabNodeShell.RunOnAllAsync($"sha256sum {paths}");
        return LabFacts.Nodes.Select((n, i) => (n.Name, outputs[i])).ToDictionary(p => p.Name, p => p.Item2);
    }

    private static Task<string[]> UnitStartsAsync() =>
        LabNodeShell.RunOnAllAsync("systemctl show -p InvocationID keepalived haproxy");

    private static async Task AssertAllServicesActiveAsync()
    {
        foreach (var output in await LabNodeShell.RunOnAllAsync("systemctl is-active keepalived haproxy || true"))
            Assert.Equal("active\nactive", output.Trim());
    }

    private static async Task AssertAllServicesActiveAndNothingStagedAsync()
    {
        await AssertAllServicesActiveAsync();
        foreach (var output in await LabNodeShell.RunOnAllAsync("ls /etc/haproxy /etc/keepalived /usr/libexec/keepalived | grep -c halb-new || true"))
            Assert.Equal("0", output.Trim());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await condition()) return;
            await Task.Delay(250);
        }
        Assert.Fail($"not within 10 s: {what}");
    }
}
