using System.Net.Sockets;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Renci.SshNet.Common;

namespace HaLbDeploy.Ssh.Tests;

public sealed class SshRetryPipelinesTests
{
    private static readonly SshRetryOptions ThreeTriesNoJitter = new(3, TimeSpan.FromMilliseconds(200), UseJitter: false);

    [Fact]
    public async Task Connecting_is_tried_again_after_network_faults_with_exponential_backoff_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var retries = new List<SshRetryAttempt>();
        var pipeline = SshRetryPipelines.ForConnect(ThreeTriesNoJitter, time, retries.Add);
        var calls = 0;
        var started = time.GetUtcNow();

        var result = await FakeClock.RunAsync(time, pipeline.ExecuteAsync(_ =>
        {
            calls++;
            if (calls == 1) throw new SocketException((int)SocketError.ConnectionRefused);
            if (calls == 2) throw new SshOperationTimeoutException("no answer");
            return ValueTask.FromResult("connected");
        }).AsTask());

        Assert.Equal("connected", result);
        Assert.Equal(3, calls);
        Assert.Equal([200, 400], retries.Select(r => (int)r.Delay.TotalMilliseconds));
        Assert.Equal([1, 2], retries.Select(r => r.FailedAttempt));
        Assert.InRange((time.GetUtcNow() - started).TotalMilliseconds, 600, 700);
    }

    [Fact]
    public async Task When_every_try_fails_the_last_fault_comes_out_after_three_tries()
    {
        var time = new FakeTimeProvider();
        var pipeline = SshRetryPipelines.ForConnect(ThreeTriesNoJitter, time);
        var calls = 0;

        var task = pipeline.ExecuteAsync<string>(_ =>
        {
            calls++;
            throw new SshConnectionException($"dropped {calls}");
        }).AsTask();

        var fault = await Assert.ThrowsAsync<SshConnectionException>(() => FakeClock.RunAsync(time, task));
        Assert.Equal("dropped 3", fault.Message);
        Assert.Equal(3, calls);
    }

    public static TheoryData<Exception> FaultsThatAreNeverRetried() => new()
    {
        new SshAuthenticationException("Permission denied (publickey)."),
        new HostConnectionException("lb1", "unknown host key for 10.0.0.5"),
        new SshPassPhraseNullOrEmptyException("no passphrase"),
        new OperationCanceledException(),
        new InvalidOperationException("a bug"),
    };

    [Theory]
    [MemberData(nameof(FaultsThatAreNeverRetried))]
    public async Task A_refused_login_a_refused_host_key_or_a_cancellation_is_not_tried_again(Exception fault)
    {
        var time = new FakeTimeProvider();
        var pipeline = SshRetryPipelines.ForConnect(ThreeTriesNoJitter, time);
        var calls = 0;

        var task = pipeline.ExecuteAsync<string>(_ =>
        {
            calls++;
            throw fault;
        }).AsTask();

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => FakeClock.RunAsync(time, task));
        Assert.Same(fault, thrown);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task With_jitter_the_delays_vary_but_the_number_of_tries_does_not()
    {
        var time = new FakeTimeProvider();
        var retries = new List<SshRetryAttempt>();
        var pipeline = SshRetryPipelines.ForConnect(SshRetryOptions.Default, time, retries.Add);

        var task = pipeline.ExecuteAsync<string>(_ => throw new SocketException((int)SocketError.TimedOut)).AsTask();

        await Assert.ThrowsAsync<SocketException>(() => FakeClock.RunAsync(time, task));
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.InRange(r.Delay.TotalMilliseconds, 1, 2000));
    }

    [Fact]
    public async Task A_read_is_tried_again_when_the_connection_dropped_but_not_when_it_timed_out()
    {
        var time = new FakeTimeProvider();
        var pipeline = SshRetryPipelines.ForRead(ThreeTriesNoJitter, time);
        var calls = 0;

        var dropped = await FakeClock.RunAsync(time, pipeline.ExecuteAsync(_ =>
        {
            calls++;
            if (calls == 1) throw new SshConnectionException("An established connection was aborted by the server.");
            return ValueTask.FromResult(calls);
        }).AsTask());
        var timedOut = pipeline.ExecuteAsync<int>(_ => throw new TimeoutException("took too long")).AsTask();

        Assert.Equal(2, dropped);
        await Assert.ThrowsAsync<TimeoutException>(() => FakeClock.RunAsync(time, timedOut));
    }

    [Fact]
    public async Task One_attempt_means_no_retry_at_all()
    {
        var pipeline = SshRetryPipelines.ForConnect(SshRetryOptions.None, TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<SocketException>(() => pipeline.ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new SocketException((int)SocketError.ConnectionRefused);
        }).AsTask());

        Assert.Equal(1, calls);
    }
}
