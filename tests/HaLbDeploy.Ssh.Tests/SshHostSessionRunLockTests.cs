using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HaLbDeploy.Ssh.Tests;

/// <summary>The SSH session's run lock: the lock script on a held channel, through the same sudo protocol as every script.</summary>
public sealed class SshHostSessionRunLockTests
{
    private static readonly RunLockOwner Owner = new("aaaa1111", "alice", "ctl1", new DateTimeOffset(2026, 12, 1, 23, 10, 2, TimeSpan.Zero));

    private static SshHostSession Session(IRemoteShell shell, BecomeMode mode = BecomeMode.None, Secret? password = null) =>
        new("lb1", TestNodes.RootWithKey with { User = "halbpw", Become = mode != BecomeMode.None, BecomePasswordEnv = password is null ? null : "PW" },
            new FakeDialer(), shell, new RemoteShellCommand(mode), password,
            new SshConnectorOptions { TimeProvider = new FakeTimeProvider(), CommandTimeout = TimeSpan.FromMinutes(1), Logger = new CollectingSink().CreateLogger() });

    [Fact]
    public async Task A_lock_the_script_holds_is_taken_and_disposing_it_releases_the_channel()
    {
        var released = new Released();
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _) => RemoteHold.Running(released);
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAsync(Owner, CancellationToken.None);
        await attempt.Lock!.DisposeAsync();

        Assert.True(attempt.Taken);
        Assert.True(released.Disposed);
        Assert.Contains("'run aaaa1111 by alice on ctl1 since 2026-12-01T23:10:02Z'", Assert.Single(shell.Runs).StandardInput);
    }

    [Fact]
    public async Task A_lock_another_run_holds_comes_back_with_that_runs_owner_line()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _) => RemoteHold.Finished(new RemoteCommandResult(RunLockScript.HeldExitStatus, null, "run bbbb by bob on ctl2 since 2026-12-01T22:00:00Z\n", ""));
        await using var session = Session(shell);

        var attempt = await session.TryTakeRunLockAsync(Owner, CancellationToken.None);

        Assert.False(attempt.Taken);
        Assert.Equal("run bbbb by bob on ctl2 since 2026-12-01T22:00:00Z", attempt.HeldBy);
    }

    [Fact]
    public async Task The_lock_script_goes_through_sudo_with_the_password_ahead_of_it_like_every_script()
    {
        var shell = FakeRemoteShell.Answering(0);
        shell.Hold = (_, _) => RemoteHold.Running(new Released());
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
        shell.Hold = (_, _) => RemoteHold.Finished(new RemoteCommandResult(69, null, "", "halb-deploy: flock (util-linux) is not installed; the run lock needs it\n"));
        await using var session = Session(shell);

        var error = await Assert.ThrowsAsync<HostConnectionException>(() => session.TryTakeRunLockAsync(Owner, CancellationToken.None));

        Assert.Equal("lb1: could not take the run lock (exit 69): halb-deploy: flock (util-linux) is not installed; the run lock needs it", error.Message);
    }

    private sealed class Released : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
