using HaLbDeploy.Cli.Commands;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Cli.Tests.TestSupport;
using HaLbDeploy.Core.Drain;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Tests.Output;

/// <summary>What drain prints, for people and machines, pinned byte for byte in Output/golden; and its exit codes.</summary>
public sealed class DrainOutputGoldenTests
{
    private static readonly DrainReport TimedOut = DrainVerdict.Judge(ServerAdminState.Drain, "api2",
        [On("lb1", 2), On("lb2", 0), ServerOnNode.Unreadable("lb3", "no answer within 30 s")], TimeSpan.FromSeconds(30.04), TimeSpan.FromSeconds(30), interrupted: false);

    private static ServerOnNode On(string node, long sessions) =>
        new(node, new BackendServerStatus("kube-apiserver", "api2", "DRAIN", "L7OK", 200, "10.0.0.32:6443") { CurrentSessions = sessions }, null);

    [Fact]
    public void A_drain_prints_each_nodes_state_and_sessions_then_the_verdict()
    {
        using var text = new StringWriter();
        DrainTextRenderer.Write(text, TimedOut);
        Golden.AssertMatches("drain-failed.txt", text.ToString());
    }

    [Fact]
    public void A_drain_as_json_gives_the_outcome_the_sessions_left_and_each_node()
    {
        using var json = new StringWriter();
        DrainJsonRenderer.Write(json, TimedOut);
        Golden.AssertMatches("drain-failed.json", json.ToString());
    }

    [Theory]
    [InlineData(DrainOutcome.Done, 0)]
    [InlineData(DrainOutcome.Failed, 1)]
    [InlineData(DrainOutcome.SessionsRemain, 4)]
    [InlineData(DrainOutcome.Interrupted, 130)]
    public void Each_outcome_has_its_exit_code(DrainOutcome outcome, int exitCode) =>
        Assert.Equal(exitCode, DrainCommand.ExitCodeOf(outcome));
}
