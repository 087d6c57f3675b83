using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Ssh.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HaLbDeploy.Ssh.Tests;

/// <summary>
/// The SSH session's run lock: the lock script on a held, beaten channel, through the same sudo protocol as every
/// script; a stale holder is waited for, a fresh one refused at once; a lock lost with a connection or let go by the
/// node is taken again before the next script, and work on the node stops when another run has it by then.
/// </summary>
public sealed class SshHostSessionRunLockTests
{
    private static readonly RunLockOwner Owner = new("aaaa1111", "alice", "ctl1", new DateTimeOffset(2026, 12, 1, 23, 10, 2, TimeSpan.Zero));
    private const string OtherOwnerLine = "run bbbb by bob on ctl2 since 2026-12-01T22:00:00Z";

    private static SshHostSession Session(IRemoteShell shell, BecomeMode mode = BecomeMode.None, Secret? password = null, FakeDialer? dialer = null) =>
        new("lb1", TestNodes.RootWithKey with { User = "halbpw", Become = mode != BecomeMode.None, BecomePasswordEnv = password is null ? null : "PW" },
            dialer ?? new FakeDialer(), shell, new RemoteShellCommand(mode), password,
            new SshConnectorOptions { TimeProvider = new FakeTimeProvider(), CommandTimeout = TimeSpan.FromMinutes(1), Logger = new CollectingSink().CreateLogger() });

    private static RemoteHold HeldBy(string ownerLine, int beatAge) =>
        RemoteHold.Finished(new RemoteCommandResult(RunLockScript.HeldExitStatus, null, $"{RunLockScript.BeatAgePrefix}{beatAge}\n{ownerLine}\n", ""));

    [Fact]
    public async Task A_lock_the_script_holds_is_taken_beaten_every_second_and_disposing_it_releases_the_channel()
    {
        var released = new Released();
        var shell = FakeRemoteShell.Answering(0);
        HoldBeat? beat = null;
        shell.Hold = (_, _, b) => { beat = b; return RemoteHold.Running(released); };
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAsync(Owner, CancellationToken.None);
        await attempt.Lock!.DisposeAsync();

        Assert.True(attempt.Taken);
        Assert.True(released.Disposed);
        Assert.Equal(new HoldBeat(RunLockScript.Beat, TimeSpan.FromSeconds(1)), beat);
        var run = Assert.Single(shell.Runs);
        Assert.Contains("'run aaaa1111 by alice on ctl1 since 2026-12-01T23:10:02Z'", run.StandardInput);
        Assert.Contains("flock -n 9", run.StandardInput);
    }

    [Fact]
    public async Task A_lock_whose_holder_beat_a_second_ago_is_refused_at_once_naming_the_holder_and_its_beat()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _, _) => HeldBy(OtherOwnerLine, 1);
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAsync(Owner, CancellationToken.None);

        Assert.False(attempt.Taken);
        Assert.Equal(OtherOwnerLine + " (last beat 1 s ago)", attempt.HeldBy);
        Assert.Single(shell.Runs);
    }

    [Fact]
    public async Task A_lock_whose_holder_stopped_beating_is_waited_for_a_bounded_time_and_taken_when_it_lets_go()
    {
        var shell = FakeRemoteShell.Answering(0);
        var answers = new Queue<RemoteHold>([HeldBy(OtherOwnerLine, 4), RemoteHold.Running(new Released())]);
        shell.Hold = (_, _, _) => answers.Dequeue();
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAsync(Owner, CancellationToken.None);

        Assert.True(attempt.Taken);
        Assert.Equal(2, shell.Runs.Count);
        Assert.Contains("flock -n 9", shell.Runs[0].StandardInput);
        Assert.Contains($"flock -w {RunLockTiming.StaleWaitSeconds} 9", shell.Runs[1].StandardInput);
    }

    [Fact]
    public async Task A_stale_holder_that_does_not_let_go_within_the_wait_is_refused_naming_it()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _, _) => HeldBy(OtherOwnerLine, 9);
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAsync(Owner, CancellationToken.None);

        Assert.False(attempt.Taken);
        Assert.Equal(2, shell.Runs.Count);
        Assert.StartsWith(OtherOwnerLine, attempt.HeldBy);
    }

    [Fact]
    public async Task After_a_reconnect_the_lock_is_taken_again_on_the_new_connection_before_the_next_script()
    {
        var first = FakeRemoteShell.Answering(0);
        var oldChannel = new Released();
        first.Hold = (_, _, _) => RemoteHold.Running(oldChannel);
        var second = FakeRemoteShell.Answering(0, "done\n");
        // The old channel's holder (this run) may still be dying on the node: the script waits for it.
        var answers = new Queue<RemoteHold>([HeldBy(Owner.Line, 1), RemoteHold.Running(new Released())]);
        second.Hold = (_, _, _) => answers.Dequeue();
        await using var session = Session(first, dialer: new FakeDialer(second));
        await session.TryTakeRunLockAsync(Owner, CancellationToken.None);
        first.IsConnected = false;

        var result = await session.ChangeAsync("write", "echo done", CancellationToken.None);

        Assert.Equal("done\n", result.StandardOutput);
        Assert.True(oldChannel.Disposed);
        Assert.Equal(3, second.Runs.Count);
        Assert.Contains("flock -n 9", second.Runs[0].StandardInput);
        Assert.Contains($"flock -w {RunLockTiming.StaleWaitSeconds} 9", second.Runs[1].StandardInput);
        Assert.Contains("echo done", second.Runs[2].StandardInput);
    }

    [Fact]
    public async Task A_lock_the_node_let_go_is_taken_again_and_when_another_run_has_it_now_work_on_the_node_stops()
    {
        var shell = FakeRemoteShell.Answering(0);
        var channel = new Released();
        var locks = 0;
        shell.Hold = (_, _, _) => locks++ == 0 ? RemoteHold.Running(channel) : HeldBy(OtherOwnerLine, 0);
        await using var session = Session(shell);
        await session.TryTakeRunLockAsync(Owner, CancellationToken.None);
        channel.Ended = true;

        var error = await Assert.ThrowsAsync<HostConnectionException>(() => session.ChangeAsync("write", "echo never", CancellationToken.None));

        Assert.Equal($"lb1: lost the run lock, and another halb-deploy run holds it now: {OtherOwnerLine} (last beat 0 s ago); stopped work on this node", error.Message);
        Assert.DoesNotContain(shell.Runs, r => r.StandardInput.Contains("echo never", StringComparison.Ordinal));
        await Assert.ThrowsAsync<HostConnectionException>(() => session.ReadAsync("read", "echo never", CancellationToken.None));
    }

    [Fact]
    public async Task A_session_that_took_no_lock_never_runs_the_lock_script()
    {
        var shell = FakeRemoteShell.Answering(0, "ok\n");
        await using var session = Session(shell);

        await session.ReadAsync("read", "echo ok", CancellationToken.None);

        Assert.DoesNotContain(shell.Runs, r => r.StandardInput.Contains("flock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lock_script_goes_through_sudo_with_the_password_ahead_of_it_like_every_script()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _, _) => RemoteHold.Running(new Released());
        await using var session = Session(shell, BecomeMode.SudoWithPassword, new Secret("pw-1234", "env PW"));

        await session.TryTakeRunLockAsync(Owner, CancellationToken.None);

        var run = Assert.Single(shell.Runs);
        Assert.StartsWith("sudo -k -S -p '' -- sh -c ", run.CommandLine);
        Assert.StartsWith("pw-1234\n", run.StandardInput);
        Assert.Contains("flock -n 9", run.StandardInput);
    }

    [Fact]
    public async Task A_lock_script_that_fails_otherwise_is_a_connection_error_with_its_message()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _, _) => RemoteHold.Finished(new RemoteCommandResult(69, null, "", "halb-deploy: flock is not installed; the run lock needs it\n"));
        await using var session = Session(shell);

        var error = await Assert.ThrowsAsync<HostConnectionException>(() => session.TryTakeRunLockAsync(Owner, CancellationToken.None));

        Assert.Equal("lb1: could not take the run lock (exit 69): halb-deploy: flock is not installed; the run lock needs it", error.Message);
    }

    [Fact]
    public async Task A_lock_taken_with_a_read_runs_both_as_one_command_and_gives_the_reads_output_status_and_errors()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _, _) => RemoteHold.Running(new Released(), $"facts=1\n\n{RunLockScript.ReadExitPrefix}0\n");
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAndReadAsync(Owner, "read node facts", "echo facts=1\n", CancellationToken.None);

        Assert.True(attempt.Taken);
        Assert.Equal(new ScriptResult(0, "facts=1\n", ""), attempt.Read);
        var run = Assert.Single(shell.Runs);
        Assert.Contains("flock -n 9", run.StandardInput);
        Assert.Contains("sh -s <<'HALB_LOCKED_READ_END'\necho facts=1\nHALB_LOCKED_READ_END\n", run.StandardInput);
    }

    [Fact]
    public async Task A_lock_another_run_holds_gives_no_read_and_the_holder()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _, _) => HeldBy(OtherOwnerLine, 1);
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAndReadAsync(Owner, "read node facts", "echo facts=1\n", CancellationToken.None);

        Assert.False(attempt.Taken);
        Assert.Null(attempt.Read);
        Assert.Equal(OtherOwnerLine + " (last beat 1 s ago)", attempt.HeldBy);
    }

    [Fact]
    public async Task A_read_taken_after_waiting_for_a_stale_holder_runs_in_the_command_that_got_the_lock()
    {
        var shell = FakeRemoteShell.Answering(0);
        var answers = new Queue<RemoteHold>([HeldBy(OtherOwnerLine, 4), RemoteHold.Running(new Released(), $"late\n{RunLockScript.ReadExitPrefix}0\n")]);
        shell.Hold = (_, _, _) => answers.Dequeue();
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAndReadAsync(Owner, "read node facts", "echo late\n", CancellationToken.None);

        Assert.Equal("late", attempt.Read!.StandardOutput);
        Assert.All(shell.Runs, r => Assert.Contains("echo late", r.StandardInput));
    }

    [Fact]
    public async Task A_reads_output_never_carries_the_sudo_password()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _, _) => RemoteHold.Running(new Released(), $"echoed pw-1234\n{RunLockScript.ReadExitPrefix}1\nerror pw-1234\n");
        await using var session = Session(shell, BecomeMode.SudoWithPassword, new Secret("pw-1234", "env PW"));

        var attempt = await session.TryTakeRunLockAndReadAsync(Owner, "read node facts", "echo x\n", CancellationToken.None);

        Assert.Equal(new ScriptResult(1, $"echoed {Secret.Mask}", $"error {Secret.Mask}\n"), attempt.Read);
    }

    [Fact]
    public async Task A_held_lock_whose_read_status_is_missing_is_let_go_and_reported()
    {
        var shell = FakeRemoteShell.Answering(0);
        var channel = new Released();
        shell.Hold = (_, _, _) => RemoteHold.Running(channel, "facts=1\n");
        await using var session = Session(shell);

        var error = await Assert.ThrowsAsync<HostConnectionException>(() => session.TryTakeRunLockAndReadAsync(Owner, "read node facts", "echo facts=1\n", CancellationToken.None));

        Assert.StartsWith("lb1: took the run lock but could not read what 'read node facts' returned", error.Message);
        Assert.True(channel.Disposed);
    }

    private sealed class Released : IHeldCommand
    {
        public bool Disposed { get; private set; }

        public bool Ended { get; set; }

        public bool HasEnded => Ended || Disposed;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
