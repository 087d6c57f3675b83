using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Phases;
using HaLbDeploy.Runtime.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>The runner under apply's phases, on plain node names: bounded parallelism, guarded steps, slow steps told.</summary>
public sealed class PhaseRunnerTests
{
    private static readonly string[] Nodes = ["lb1", "lb2", "lb3", "lb4", "lb5"];
    private readonly RecordingProgress _progress = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _failures = [];

    [Fact]
    public async Task No_more_steps_run_at_once_than_the_parallelism_allows()
    {
        var runner = Runner(parallelism: 2);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;
        var started = new List<string>();

        var phase = runner.ForEachAsync(Nodes, "connect", async (node, _) =>
        {
            lock (started)
            {
                started.Add(node);
                most = Math.Max(most, ++running);
            }
            await release.Task;
            lock (started) running--;
            return true;
        }, CancellationToken.None);
        lock (started) Assert.Equal(["lb1", "lb2"], started);
        release.SetResult();

        Assert.True(await phase);
        Assert.Equal(Nodes, started.Order());
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task A_step_that_throws_fails_its_node_only_and_names_the_phase_with_secrets_masked()
    {
        var runner = Runner();

        var ok = await runner.ForEachAsync(Nodes, "facts", (node, _) =>
            node == "lb2" ? throw new TimeoutException("no answer; the secret s3cret was in it") : Task.FromResult(true), CancellationToken.None);

        Assert.False(ok);
        Assert.Equal(["lb2: facts failed: no answer; the secret ******** was in it"], _failures);
    }

    [Fact]
    public async Task A_step_that_returns_false_fails_the_phase_without_a_message_of_the_runner()
    {
        var ok = await Runner().ForEachAsync(Nodes, "plan", (node, _) => Task.FromResult(node != "lb4"), CancellationToken.None);

        Assert.False(ok);
        Assert.Empty(_failures);
    }

    [Theory]
    [InlineData("lb3", "connection refused")]
    [InlineData("lb33", "lb33: connection refused")]
    public async Task A_host_connection_failure_is_shown_as_the_adapter_worded_it_without_naming_the_node_twice(string namedInMessage, string shown)
    {
        var ok = await Runner().GuardAsync("lb3", "connect", () => Task.FromException<bool>(new HostConnectionException(namedInMessage, "connection refused")));

        Assert.False(ok);
        Assert.Equal([$"lb3: {shown}"], _failures);
    }

    [Fact]
    public async Task Cancellation_is_no_failure_it_goes_to_the_caller()
    {
        using var interrupt = new CancellationTokenSource();
        var runner = Runner(parallelism: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.ForEachAsync(Nodes, "stage", (node, ct) =>
        {
            if (node == "lb2") interrupt.Cancel();
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(true);
        }, interrupt.Token));

        Assert.Empty(_failures);
    }

    [Fact]
    public async Task A_step_over_two_seconds_on_the_injected_clock_reports_how_long_it_took()
    {
        var ok = await Runner().ForEachAsync(Nodes, "packages", (node, _) =>
        {
            if (node == "lb5") _time.Advance(TimeSpan.FromSeconds(3.4));
            return Task.FromResult(true);
        }, CancellationToken.None);

        Assert.True(ok);
        Assert.Equal(["[packages/lb5] took 3.4 s"], _progress.Lines);
    }

    private PhaseRunner<string> Runner(int parallelism = 8) =>
        new(_progress, _time, parallelism, node => node, (node, message) => _failures.Add($"{node}: {message}"), text => text.Replace("s3cret", "********", StringComparison.Ordinal));
}
