namespace HaLbDeploy.Core.Failover;

/// <summary>What one phase of a failover test expects, from <see cref="FailoverExpectations"/>.</summary>
/// <param name="Action">The fault or restore the phase begins with.</param>
/// <param name="ExpectedHolder">The node that should hold the VIP once the phase is over.</param>
/// <param name="VipMoves">false when the VIP should stay on the node that held it when the phase began.</param>
/// <param name="Bound">How long the move may take; when the VIP stays, how long a late move is watched for.</param>
/// <param name="SettleFrom">No state before this counts as settled.</param>
/// <param name="SettledHolders">The phase has settled while exactly one of these nodes holds the VIP.</param>
public sealed record PhaseExpectation(
    FaultActionRecord Action,
    string ExpectedHolder,
    bool VipMoves,
    TimingBound Bound,
    DateTimeOffset SettleFrom,
    IReadOnlyList<string> SettledHolders)
{
    public bool IsSettled(IReadOnlyList<string> holders) => holders.Count == 1 && SettledHolders.Contains(holders[0]);

    /// <summary>Until when a phase is waited for: twice its bound from when the action returned, plus <paramref name="slack"/>.</summary>
    public DateTimeOffset Deadline(TimeSpan slack) => Action.CompletedAt + 2 * Bound.Value + slack;
}
