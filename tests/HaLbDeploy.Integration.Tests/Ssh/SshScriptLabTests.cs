using System.Diagnostics;
using System.Text;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>Running scripts on a real node: stdin, size, exit codes, signals, cancellation, dropped connections.</summary>
[Trait("Category", "Integration")]
public sealed class SshScriptLabTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Exit_code_standard_output_and_standard_error_come_back_apart()
    {
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb1", LabSshNodes.Root), None);

        var result = await session.ReadAsync("three streams", "echo out; echo err >&2; exit 3", None);

        Assert.Equal(new ScriptResult(3, "out\n", "err\n"), result);
    }

    [Fact]
    public async Task A_script_killed_by_a_signal_has_exit_code_minus_one()
    {
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb2", LabSshNodes.Root), None);

        var result = await session.ChangeAsync("kill itself", "echo before; kill -9 $$; echo after", None);

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal("before\n", result.StandardOutput);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("halb")]
    [InlineData("halbpw")]
    public async Task A_secret_in_a_script_shows_neither_on_the_command_line_nor_in_ps(string user)
    {
        var settings = user switch
        {
            "root" => LabSshNodes.Root,
            "halb" => LabSshNodes.SudoUser,
            _ => LabSshNodes.PasswordSudoUser,
        };
        const string secret = "k8sVipSecret-7f3a";
        var script = $"""
            AUTH_PASS='{secret}'
            tr '\0' ' ' </proc/$$/cmdline; echo
            ps -eo args
            """;
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb3", settings), None);

        var result = await session.ReadAsync("look at ps", script, None);

        var lines = result.StandardOutput.Split('\n');
        Assert.Equal("sh -s ", lines[0]);
        Assert.Contains(lines, l => l.EndsWith("sh -s", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, result.StandardOutput);
        Assert.DoesNotContain(new LabSecretsEnvironment().Variables[LabSecretsEnvironment.SudoPasswordVariable], result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task A_script_of_one_megabyte_goes_through_standard_input_whole()
    {
        var body = new StringBuilder();
        for (var i = 0; body.Length < 1_000_000; i++) body.Append("line ").Append(i).Append(" of a big here-document, far more than a pipe buffer\n");
        var script = $"cat <<'HALB_EOF' | wc -c\n{body}HALB_EOF\necho done\n";
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb1", LabSshNodes.PasswordSudoUser), None);

        var result = await session.ChangeAsync("write a big file", script, None);

        Assert.Equal($"{Encoding.UTF8.GetByteCount(body.ToString())}\ndone\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_100_kilobyte_script_works()
    {
        var script = new string('#', 100 * 1024) + "\necho ok\n";
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb2", LabSshNodes.SudoUser), None);

        var result = await session.ReadAsync("big script", script, None);

        Assert.Equal(new ScriptResult(0, "ok\n", ""), result);
    }

    [Theory]
    [InlineData("root", "lb3")]
    [InlineData("halb", "lb2")]
    [InlineData("halbpw", "lb1")]
    public async Task Cancelling_stops_the_script_and_everything_it_started_and_the_connection_stays_usable(string user, string node)
    {
        var settings = user switch
        {
            "root" => LabSshNodes.Root,
            "halb" => LabSshNodes.SudoUser,
            _ => LabSshNodes.PasswordSudoUser,
        };
        var marker = "37.0" + Random.Shared.Next(100_000, 999_999);
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node(node, settings), None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            session.ReadAsync("long wait", $"sleep {marker} & sleep {marker}; echo not reached", cancel.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"cancel took {stopwatch.Elapsed}");
        var left = await session.ReadAsync("look for the sleeps", $"pgrep -fc '^sleep {marker}$' || true", None);
        Assert.Equal("0", left.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_script_that_runs_past_the_command_timeout_is_stopped()
    {
        var connector = LabSshNodes.Connector(new SshConnectorOptions { CommandTimeout = TimeSpan.FromSeconds(1) });
        await using var session = await connector.ConnectAsync(LabSshNodes.Node("lb1", LabSshNodes.Root), None);
        var stopwatch = Stopwatch.StartNew();

        var fault = await Assert.ThrowsAsync<TimeoutException>(() => session.ReadAsync("slow read", "sleep 30.01; echo not reached", None));

        Assert.Equal("lb1: 'slow read' did not finish within 1s; it was stopped", fault.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"timeout took {stopwatch.Elapsed}");
        var left = await session.ReadAsync("look for the sleep", "pgrep -fc '^sleep 30.01$' || true", None);
        Assert.Equal("0", left.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_read_is_run_again_on_a_new_connection_when_the_node_kills_the_connection_under_it()
    {
        var marker = "/tmp/halb-ssh-drop-" + Guid.NewGuid().ToString("N");
        // The first run kills its own sshd session process (the parent of `sh -s` for root): only this connection dies.
        var script = $"""
            if [ ! -e {marker} ]; then touch {marker}; kill -9 $PPID; sleep 5; fi
            rm -f {marker}
            echo second run
            """;
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb2", LabSshNodes.Root), None);

        var result = await session.ReadAsync("read after drop", script, None);

        Assert.Equal("second run\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_change_is_not_run_again_when_the_node_kills_the_connection_under_it()
    {
        var marker = "/tmp/halb-ssh-drop-" + Guid.NewGuid().ToString("N");
        var script = $"echo x >> {marker}; kill -9 $PPID; sleep 5";
        await using var session = await LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb3", LabSshNodes.Root), None);

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => session.ChangeAsync("change under drop", script, None));
        var runs = await session.ReadAsync("count runs", $"wc -l < {marker}; rm -f {marker}", None);

        Assert.Contains("lost the connection while running 'change under drop'; the change may be partly applied", fault.Message);
        Assert.Equal("1", runs.StandardOutput.Trim());
    }
}
