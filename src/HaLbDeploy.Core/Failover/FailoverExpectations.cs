namespace HaLbDeploy.Core.Failover;

/// <summary>
/// The one place a failover test's expectations come from: who should hold the VIP after each phase and within
/// which bound. The runner waits by them (when a phase has settled, how long to wait for it), and
/// <see cref="FailoverAnalyzer"/> judges by them.
/// </summary>
public static class FailoverExpectations
{
    /// <summary>
    /// After the fault. When the faulted node held the VIP, the highest-priority other node should take it over within
    /// <see cref="FailoverBounds.Takeover"/>; any one backup holding it alone settles the phase (which one is judged
    /// afterwards). When it did not, the VIP should stay where it was, and a steady state counts only once that
    /// bound has passed, so that a late move is not missed.
    /// </summary>
    public static PhaseExpectation Failover(FailoverScenario scenario, FaultActionRecord fault)
    {
        var takeover = scenario.ExpectedTakeover;
        var bound = FailoverBounds.Takeover(scenario.Mode, scenario.Timing, takeover.Name, takeover.Priority);
        if (!scenario.FaultedNodeHeldVip)
            return new PhaseExpectation(fault, scenario.HolderBefore, VipMoves: false, bound, fault.StartedAt + bound.Value, [scenario.HolderBefore]);
        var backups = scenario.Nodes.Select(n => n.Name).Where(n => n != scenario.FaultedNode).ToList();
        return new PhaseExpectation(fault, takeover.Name, VipMoves: true, bound, fault.StartedAt, backups);
    }

    /// <summary>
    /// After the restore: the VIP should end up on <see cref="FailoverScenario.ExpectedHolderAfterRestore"/> within
    /// <see cref="FailoverBounds.Failback"/> for that node. When that is where it already is (nopreempt, or the
    /// faulted node never held it), a steady state counts only once the bound has passed.
    /// </summary>
    /// <param name="holderAtRestore">The node that held the VIP when the restore began; when not exactly one did, the caller says whom to assume.</param>
    public static PhaseExpectation Failback(FailoverScenario scenario, string holderAtRestore, FaultActionRecord restore)
    {
        var expected = scenario.ExpectedHolderAfterRestore(holderAtRestore);
        var bound = FailoverBounds.Failback(scenario.Mode, scenario.Timing, expected, scenario.PriorityOf(expected));
        var moves = expected != holderAtRestore;
        return new PhaseExpectation(restore, expected, moves, bound, restore.CompletedAt + (moves ? TimeSpan.Zero : bound.Value), [expected]);
    }
}
