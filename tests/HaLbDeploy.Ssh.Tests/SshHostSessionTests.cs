using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Renci.SshNet.Common;

namespace HaLbDeploy.Ssh.Tests;

public sealed class SshHostSessionTests
{
    private readonly FakeTimeProvider time = new();
    private readonly CollectingSink log = new();

    private SshConnectorOptions Options => new()
    {
        TimeProvider = time,
        ReadRetry = new SshRetryOptions(3, TimeSpan.FromMilliseconds(200), UseJitter: false),
        CommandTimeout = TimeSpan.FromMinutes(5),
        Logger = log.CreateLogger(),
    };

    private SshHostSession Session(IRemoteShell shell, FakeDialer? dialer = null, BecomeMode mode = BecomeMode.None, Secret? password = null) =>
        new("lb1", TestNodes.RootWithKey with { User = "halbpw", Become = mode != BecomeMode.None, BecomePasswordEnv = password is null ? null : "PW" },
            dialer ?? new FakeDialer(), shell, new RemoteShellCommand(mode), password, Options);

    private static SshConnectionException Dropped() => new("An established connection was aborted by the server.");

    [Fact]
    public async Task A_script_runs_as_sh_reading_standard_input_and_its_result_comes_back()
    {
        var shell = FakeRemoteShell.Answering(0, "0\n", "");
        await using var session = Session(shell);

        var result = await session.ReadAsync("read facts", "id -u", CancellationToken.None);

        Assert.Equal(new ScriptResult(0, "0\n", ""), result);
        var run = Assert.Single(shell.Runs);
        Assert.Matches("^env HALB_DEPLOY_RUN=[0-9a-f]{16} sh -s$", run.CommandLine);
        Assert.Equal("id -u\n", run.StandardInput);
    }

    [Fact]
    public async Task A_process_killed_by_a_signal_has_exit_code_minus_one()
    {
        var shell = new FakeRemoteShell((_, _, _) => Task.FromResult(new RemoteCommandResult(null, "KILL", "partial", "")));
        await using var session = Session(shell);

        var result = await session.ChangeAsync("restart", "kill -9 $$", CancellationToken.None);

        Assert.Equal(-1, result.ExitCode);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_read_is_run_again_on_a_new_connection_after_the_connection_dropped()
    {
        var broken = FakeRemoteShell.Failing(Dropped());
        var fresh = FakeRemoteShell.Answering(0, "ok");
        var dialer = new FakeDialer(fresh);
        await using var session = Session(broken, dialer);

        var result = await FakeClock.RunAsync(time, session.ReadAsync("read facts", "cat /etc/os-release", CancellationToken.None));

        Assert.Equal("ok", result.StandardOutput);
        Assert.Equal(1, dialer.Dials);
        Assert.True(broken.Disposed);
        Assert.Single(broken.Runs);
        Assert.Single(fresh.Runs);
    }

    [Fact]
    public async Task A_read_that_keeps_losing_the_connection_gives_up_after_three_tries_with_a_connection_error()
    {
        var dialer = new FakeDialer(FakeRemoteShell.Failing(Dropped()), FakeRemoteShell.Failing(Dropped()));
        await using var session = Session(FakeRemoteShell.Failing(Dropped()), dialer);

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            FakeClock.RunAsync(time, session.ReadAsync("read facts", "true", CancellationToken.None)));

        Assert.Equal("lb1", fault.NodeName);
        Assert.Contains("lost the connection while running 'read facts' (tried 3 times)", fault.Message);
        Assert.Equal(2, dialer.Dials);
    }

    [Fact]
    public async Task A_change_is_never_run_again_after_the_connection_dropped()
    {
        var broken = FakeRemoteShell.Failing(Dropped());
        var dialer = new FakeDialer(FakeRemoteShell.Answering(0));
        await using var session = Session(broken, dialer);

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            FakeClock.RunAsync(time, session.ChangeAsync("install haproxy", "apt-get install -y haproxy", CancellationToken.None)));

        Assert.Contains("the change may be partly applied", fault.Message);
        Assert.Single(broken.Runs);
        Assert.Equal(0, dialer.Dials);
    }

    [Fact]
    public async Task After_a_dropped_connection_the_next_script_reconnects_before_it_is_sent()
    {
        var fresh = FakeRemoteShell.Answering(0, "done");
        var dialer = new FakeDialer(fresh);
        await using var session = Session(FakeRemoteShell.Failing(Dropped()), dialer);
        await Assert.ThrowsAsync<HostConnectionException>(() => session.ChangeAsync("first", "true", CancellationToken.None));

        var result = await session.ChangeAsync("second", "true", CancellationToken.None);

        Assert.Equal("done", result.StandardOutput);
        Assert.Equal(1, dialer.Dials);
    }

    [Fact]
    public async Task A_connection_that_closed_while_idle_is_reopened_before_the_next_script()
    {
        var idle = FakeRemoteShell.Answering(0, "old");
        idle.IsConnected = false;
        var dialer = new FakeDialer(FakeRemoteShell.Answering(0, "new"));
        await using var session = Session(idle, dialer);

        var result = await session.ChangeAsync("change", "true", CancellationToken.None);

        Assert.Equal("new", result.StandardOutput);
        Assert.Empty(idle.Runs);
    }

    /// <summary>A shell whose tagged scripts hang until cancelled, and whose untagged (stop) scripts answer at once.</summary>
    private static FakeRemoteShell HangingShell(TaskCompletionSource? started = null) => new(async (line, _, ct) =>
    {
        if (!line.Contains(RemoteShellCommand.RunIdVariable, StringComparison.Ordinal)) return new RemoteCommandResult(0, null, "stopped sessions 123\n", "");
        started?.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
        return new RemoteCommandResult(0, null, "", "");
    });

    private static void AssertTheRunWasStopped(FakeRemoteShell shell)
    {
        Assert.Equal(2, shell.Runs.Count);
        var runId = shell.Runs[0].CommandLine.Split('=')[1].Split(' ')[0];
        Assert.Equal("sh -s", shell.Runs[1].CommandLine);
        Assert.Contains($"grep -qx 'HALB_DEPLOY_RUN={runId}'", shell.Runs[1].StandardInput);
    }

    [Fact]
    public async Task A_script_that_runs_too_long_is_stopped_on_the_node_and_reported_as_a_timeout()
    {
        var shell = HangingShell();
        await using var session = Session(shell);

        var fault = await Assert.ThrowsAsync<TimeoutException>(() =>
            FakeClock.RunAsync(time, session.ReadAsync("read facts", "sleep 600", CancellationToken.None), TimeSpan.FromSeconds(10)));

        Assert.Equal("lb1: 'read facts' did not finish within 5m; it was stopped", fault.Message);
        AssertTheRunWasStopped(shell);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_running_command_and_stops_its_processes_on_the_node()
    {
        var started = new TaskCompletionSource();
        var shell = HangingShell(started);
        await using var session = Session(shell);
        using var cancel = new CancellationTokenSource();

        var run = session.ReadAsync("read facts", "sleep 600", cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        AssertTheRunWasStopped(shell);
        Assert.Contains(log.Messages, m => m == "lb1: cancelled 'read facts': stopped sessions 123");
    }

    [Fact]
    public async Task A_failure_to_stop_a_cancelled_run_is_logged_and_the_cancellation_still_comes_out()
    {
        var started = new TaskCompletionSource();
        var shell = new FakeRemoteShell(async (line, _, ct) =>
        {
            if (!line.Contains(RemoteShellCommand.RunIdVariable, StringComparison.Ordinal)) throw new SshConnectionException("Client not connected.");
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new RemoteCommandResult(0, null, "", "");
        });
        await using var session = Session(shell);
        using var cancel = new CancellationTokenSource();

        var run = session.ChangeAsync("restart haproxy", "systemctl restart haproxy", cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Contains(log.Messages, m => m.StartsWith("lb1: cancelled 'restart haproxy' but could not stop its processes on the node", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sudo_refusal_is_a_connection_error_that_says_what_to_set()
    {
        var shell = FakeRemoteShell.Answering(1, "", "sudo: a password is required\n");
        await using var session = Session(shell, mode: BecomeMode.SudoWithoutPassword);

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => session.ReadAsync("read facts", "id -u", CancellationToken.None));

        Assert.Contains("'read facts': sudo wants a password for user halbpw: set ssh.become_password_env", fault.Message);
        Assert.StartsWith("sudo -k -n -- env HALB_DEPLOY_RUN=", Assert.Single(shell.Runs).CommandLine);
    }

    [Fact]
    public async Task The_log_names_the_script_by_its_description_and_never_shows_its_text_or_the_password()
    {
        var shell = FakeRemoteShell.Answering(0, "0\n");
        await using var session = Session(shell, mode: BecomeMode.SudoWithPassword, password: new Secret("sudo-pa55", "env PW"));

        await session.ChangeAsync("write keepalived.conf", "echo auth_pass=VRRPSECRET > /etc/keepalived/keepalived.conf", CancellationToken.None);

        var line = Assert.Single(log.Messages);
        Assert.Matches("^lb1: run 'write keepalived.conf' exit 0 in [0-9]+ ms$", line);
        Assert.DoesNotContain("VRRPSECRET", line);
        Assert.DoesNotContain("sudo-pa55", line);
        Assert.StartsWith("sudo-pa55\n", Assert.Single(shell.Runs).StandardInput);
    }

    [Fact]
    public async Task A_sudo_password_that_comes_back_in_the_output_is_masked()
    {
        var shell = FakeRemoteShell.Answering(127, "", "sh: 1: sudo-pa55: not found\n");
        await using var session = Session(shell, mode: BecomeMode.SudoWithPassword, password: new Secret("sudo-pa55", "env PW"));

        var result = await session.ReadAsync("read facts", "true", CancellationToken.None);

        Assert.Equal("sh: 1: ********: not found\n", result.StandardError);
    }
}
