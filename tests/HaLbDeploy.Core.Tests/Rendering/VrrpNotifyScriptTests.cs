using System.Globalization;
using System.Runtime.Versioning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>
/// Runs the rendered notify script with the arguments keepalived gives it. The test copy differs from the rendered
/// one only in where it writes: <see cref="NodePaths.StateDirectory"/> becomes a temporary directory (and, for the
/// trimming test, the line limit a small number), so the node paths are not touched on this machine.
/// </summary>
[Trait("Category", "RealBinaries")]
[SupportedOSPlatform("linux")]
public sealed class VrrpNotifyScriptTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("halb-notify-");

    public void Dispose() => _root.Delete(recursive: true);

    private string StateDirectory => Path.Combine(_root.FullName, "state");

    private string Log => Path.Combine(StateDirectory, "vrrp-transitions.log");

    private string Metrics => Path.Combine(StateDirectory, "metrics", "halb_vrrp.prom");

    [Fact]
    public void A_transition_is_logged_with_a_nanosecond_timestamp_and_the_state_is_written_as_metrics()
    {
        var script = WriteScript();
        var before = DateTimeOffset.UtcNow;

        Run(script, "INSTANCE", "VI_example", "MASTER", "100");

        var fields = File.ReadAllText(Log).TrimEnd('\n').Split(' ');
        Assert.Equal(["INSTANCE", "VI_example", "MASTER", "100"], fields[2..]);
        Assert.Matches(@"^\d{10}\.\d{9}$", fields[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$", fields[1]);
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(fields[0], CultureInfo.InvariantCulture) * 1000));
        Assert.InRange(at, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var metrics = File.ReadAllText(Metrics);
        Assert.Contains("halb_vrrp_state{node=\"lb1\",vrrp_instance=\"VI_example\",state=\"MASTER\"} 1\n", metrics);
        Assert.Contains("halb_vrrp_state{node=\"lb1\",vrrp_instance=\"VI_example\",state=\"BACKUP\"} 0\n", metrics);
        Assert.Contains("halb_vrrp_transitions_total{node=\"lb1\",vrrp_instance=\"VI_example\"} 1\n", metrics);
        Assert.Contains($"halb_vrrp_last_transition_timestamp_seconds{{node=\"lb1\",vrrp_instance=\"VI_example\"}} {fields[0]}\n", metrics);
    }

    [Fact]
    public void The_counter_grows_with_every_transition_and_the_state_follows_the_last_one()
    {
        var script = WriteScript();

        foreach (var state in new[] { "BACKUP", "MASTER", "FAULT", "BACKUP" })
            Run(script, "INSTANCE", "VI_example", state, "100");

        var metrics = File.ReadAllText(Metrics);
        Assert.Contains("halb_vrrp_transitions_total{node=\"lb1\",vrrp_instance=\"VI_example\"} 4\n", metrics);
        Assert.Contains("halb_vrrp_master_transitions_total{node=\"lb1\",vrrp_instance=\"VI_example\"} 1\n", metrics);
        Assert.Contains("state=\"BACKUP\"} 1\n", metrics);
        Assert.Contains("state=\"FAULT\"} 0\n", metrics);
        Assert.Equal(4, File.ReadAllLines(Log).Length);
    }

    [Fact]
    public void The_log_keeps_only_the_last_lines_up_to_its_limit()
    {
        Assert.Contains($"keep={NodePaths.TransitionLogLines}\n", Rendered());
        var script = WriteScript(keep: 5);

        for (var i = 1; i <= 8; i++) Run(script, "INSTANCE", "VI_example", i % 2 == 0 ? "MASTER" : "BACKUP", i.ToString(CultureInfo.InvariantCulture));

        var priorities = File.ReadAllLines(Log).Select(l => l.Split(' ')[5]).ToList();
        Assert.Equal(["4", "5", "6", "7", "8"], priorities);
    }

    [Fact]
    public void Transitions_that_run_at_once_are_all_recorded_whole()
    {
        var script = WriteScript();

        var result = ExternalCommand.Run("sh", ["-c", $"for i in $(seq 1 20); do /bin/sh {script} INSTANCE VI_example MASTER $i & done; wait"]);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(Log);
        Assert.Equal(20, lines.Length);
        Assert.All(lines, l => Assert.Equal(6, l.Split(' ').Length));
        Assert.Contains("halb_vrrp_transitions_total{node=\"lb1\",vrrp_instance=\"VI_example\"} 20\n", File.ReadAllText(Metrics));
    }

    [Fact]
    public void A_transition_that_gets_the_lock_after_a_newer_one_is_logged_in_time_order_and_leaves_the_newer_state_shown()
    {
        // As when keepalived restarts: the old process's STOP, forked first, takes the lock after the new MASTER.
        var script = WriteScript();
        var newer = DateTimeOffset.UtcNow.AddSeconds(30);
        Directory.CreateDirectory(StateDirectory);
        var newerLine = $"{newer.ToUnixTimeSeconds()}.000000000 {newer.UtcDateTime:yyyy-MM-ddTHH:mm:ss}.000000000Z INSTANCE VI_example MASTER 255";
        File.WriteAllText(Log, newerLine + "\n");

        Run(script, "INSTANCE", "VI_example", "STOP", "100");

        var lines = File.ReadAllLines(Log);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("INSTANCE VI_example STOP 100", lines[0], StringComparison.Ordinal);
        Assert.Equal(newerLine, lines[1]);
        var metrics = File.ReadAllText(Metrics);
        Assert.Contains("halb_vrrp_state{node=\"lb1\",vrrp_instance=\"VI_example\",state=\"MASTER\"} 1\n", metrics);
        Assert.Contains("halb_vrrp_state{node=\"lb1\",vrrp_instance=\"VI_example\",state=\"STOP\"} 0\n", metrics);
        Assert.Contains("halb_vrrp_priority{node=\"lb1\",vrrp_instance=\"VI_example\"} 255\n", metrics);
        Assert.Contains($"halb_vrrp_last_transition_timestamp_seconds{{node=\"lb1\",vrrp_instance=\"VI_example\"}} {newer.ToUnixTimeSeconds()}.000000000\n", metrics);
        Assert.Contains("halb_vrrp_transitions_total{node=\"lb1\",vrrp_instance=\"VI_example\"} 1\n", metrics);
        Assert.Contains("halb_vrrp_master_transitions_total{node=\"lb1\",vrrp_instance=\"VI_example\"} 0\n", metrics);
    }

    [Theory]
    [InlineData("INSTANCE", "VI_x;rm -rf /", "MASTER")]
    [InlineData("INSTANCE", "VI_example", "MASTER\nfake")]
    [InlineData("SOMETHING", "VI_example", "MASTER")]
    [InlineData("INSTANCE", "VI_example", "UNKNOWN")]
    public void Arguments_that_are_not_plain_names_are_refused_and_nothing_is_written(string kind, string name, string state)
    {
        var script = WriteScript();

        Run(script, kind, name, state, "100");

        Assert.False(File.Exists(Log));
    }

    [Fact]
    public void A_group_transition_is_logged_but_does_not_rewrite_the_instance_metrics()
    {
        var script = WriteScript();

        Run(script, "GROUP", "G1", "MASTER", "0");

        Assert.EndsWith("GROUP G1 MASTER 0", File.ReadAllText(Log).TrimEnd('\n'), StringComparison.Ordinal);
        Assert.False(File.Exists(Metrics));
    }

    private static string Rendered() =>
        ConfigurationRenderer.WithBuiltInTemplates().RenderAll(ExampleInventory.Load())[0].File(NodePaths.VrrpNotifyScript).Content;

    private string WriteScript(int? keep = null)
    {
        var content = Rendered().Replace($"'{NodePaths.StateDirectory}", $"'{StateDirectory}", StringComparison.Ordinal);
        if (keep is { } lines) content = content.Replace($"keep={NodePaths.TransitionLogLines}\n", $"keep={lines}\n", StringComparison.Ordinal);
        Assert.DoesNotContain(content.Split('\n'), l => !l.StartsWith('#') && l.Contains(NodePaths.StateDirectory, StringComparison.Ordinal));
        var path = Path.Combine(_root.FullName, "notify.sh");
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("0755", 8));
        return path;
    }

    /// <summary>
    /// Runs the script with /bin/sh (its shebang) rather than executing the file: a file this process has just written
    /// can fail to exec with ETXTBSY while another test's child, forked meanwhile, still holds the write descriptor.
    /// </summary>
    private static void Run(string script, params string[] arguments)
    {
        var result = ExternalCommand.Run("/bin/sh", [script, .. arguments]);
        Assert.True(result.ExitCode == 0, $"{script} exited {result.ExitCode}: {result.Printed}");
    }
}
