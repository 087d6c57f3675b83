using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.FailoverTest;
using HaLbDeploy.Runtime.FailoverTest.Phases;

namespace HaLbDeploy.Runtime.Tests.FailoverTest.Phases;

public sealed class FailoverPhaseSequenceTests
{
    private static FailoverRun Run() => new(Inventories.Load(Inventories.Valid).Inventory!.Nodes[0], new FailoverTestOptions("lb1", FailoverMode.Stop, null));

    private sealed class Phase(string name, List<string> ran, Action<FailoverRun>? action = null, bool runsAfterAnError = false) : IFailoverPhase
    {
        public string Name => name;

        public bool RunsAfterAnError => runsAfterAnError;

        public Task RunAsync(FailoverRun run, CancellationToken cancellationToken)
        {
            ran.Add(name);
            action?.Invoke(run);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_phases_run_in_order_until_one_ends_the_run_with_its_report()
    {
        var ran = new List<string>();
        var run = Run();
        IFailoverPhase[] phases =
        [
            new Phase("preflight", ran),
            new Phase("analyse", ran, r => r.Finish(FailoverOutcome.Passed, "PASS")),
            new Phase("restore", ran, runsAfterAnError: true),
        ];

        var report = await FailoverPhaseSequence.RunAsync(phases, run, CancellationToken.None);

        Assert.Equal(["preflight", "analyse"], ran);
        Assert.Same(run.Report, report);
    }

    [Fact]
    public async Task After_a_phase_threw_only_the_phases_that_run_after_an_error_run_and_then_the_error_is_rethrown()
    {
        var ran = new List<string>();
        IFailoverPhase[] phases =
        [
            new Phase("measure", ran, _ => throw new InvalidOperationException("broke")),
            new Phase("stop observing", ran),
            new Phase("restore", ran, runsAfterAnError: true),
            new Phase("analyse", ran, r => r.Finish(FailoverOutcome.Passed, "PASS")),
        ];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FailoverPhaseSequence.RunAsync(phases, Run(), CancellationToken.None));

        Assert.Equal("broke", error.Message);
        Assert.Equal(["measure", "restore"], ran);
    }

    [Fact]
    public async Task A_cancelled_token_is_handed_on_not_acted_on_each_phase_decides()
    {
        var ran = new List<string>();
        IFailoverPhase[] phases =
        [
            new Phase("measure", ran),
            new Phase("restore", ran),
            new Phase("analyse", ran, r => r.Finish(FailoverOutcome.Interrupted, "interrupted")),
        ];

        var report = await FailoverPhaseSequence.RunAsync(phases, Run(), new CancellationToken(canceled: true));

        Assert.Equal(["measure", "restore", "analyse"], ran);
        Assert.Equal(FailoverOutcome.Interrupted, report.Outcome);
    }
}
