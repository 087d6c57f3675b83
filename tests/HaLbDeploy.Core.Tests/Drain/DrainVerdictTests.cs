using HaLbDeploy.Core.Drain;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Drain;

public sealed class DrainVerdictTests
{
    private static ServerOnNode On(string node, string status, long sessions) =>
        new(node, new BackendServerStatus("kube-apiserver", "api2", status, "L7OK", 200, "") { CurrentSessions = sessions }, null);

    private static DrainReport Judge(ServerAdminState state, bool interrupted, params ServerOnNode[] nodes) =>
        DrainVerdict.Judge(state, "api2", nodes, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(30), interrupted);

    [Fact]
    public void Drained_everywhere_with_no_session_left_is_done()
    {
        var report = Judge(ServerAdminState.Drain, false, On("lb1", "DRAIN", 0), On("lb2", "DRAIN", 0));

        Assert.Equal(DrainOutcome.Done, report.Outcome);
        Assert.Equal("OK: api2 is drained on 2 nodes, no session left (waited 2.5 s)", report.Summary);
        Assert.True(DrainVerdict.Finished(report.Nodes));
    }

    [Fact]
    public void Sessions_left_at_the_timeout_are_counted_per_node()
    {
        var report = Judge(ServerAdminState.Drain, false, On("lb1", "DRAIN", 3), On("lb2", "DRAIN", 0), On("lb3", "DRAIN", 1));

        Assert.Equal(DrainOutcome.SessionsRemain, report.Outcome);
        Assert.Equal(4, report.SessionsLeft);
        Assert.Equal("TIMED OUT: api2 is drained on 3 nodes, but 4 sessions still open after 2.5 s (lb1 3, lb3 1); they end when their clients close them", report.Summary);
        Assert.False(DrainVerdict.Finished(report.Nodes));
    }

    [Fact]
    public void Undrain_does_not_care_about_open_sessions()
    {
        var report = Judge(ServerAdminState.Ready, false, On("lb1", "UP", 5));

        Assert.Equal(DrainOutcome.Done, report.Outcome);
        Assert.Equal("OK: api2 is back in rotation (undrained) on 1 node", report.Summary);
    }

    [Fact]
    public void A_node_that_failed_makes_it_failed_and_names_the_nodes_that_took_the_state()
    {
        var report = Judge(ServerAdminState.Drain, false, On("lb1", "DRAIN", 0), ServerOnNode.Unreadable("lb2", "no answer within 30 s"));

        Assert.Equal(DrainOutcome.Failed, report.Outcome);
        Assert.Equal("FAILED on lb2: no answer within 30 s; lb1 took it (run again, or the opposite command)", report.Summary);
        Assert.False(DrainVerdict.Finished(report.Nodes));
    }

    [Fact]
    public void An_interruption_says_what_each_node_kept()
    {
        var report = Judge(ServerAdminState.Drain, true, On("lb1", "DRAIN", 1), ServerOnNode.Unreadable("lb2", "not reached"));

        Assert.Equal(DrainOutcome.Interrupted, report.Outcome);
        Assert.Equal("INTERRUPTED: api2 keeps the state each node took (lb1 DRAIN, lb2 unknown)", report.Summary);
    }
}
