using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>Waits, looking at the samples every quarter second, until a phase has settled by <see cref="SettleCheck"/> or its deadline has passed.</summary>
internal sealed class SettleWait(TimeProvider time, TimeSpan stableFor)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <param name="timeline">The samples so far, read anew at every look.</param>
    /// <param name="required">The nodes whose samples must cover the stable stretch.</param>
    /// <returns>false when the deadline passed first.</returns>
    public async Task<bool> UntilSettledAsync(Func<HolderTimeline> timeline, IReadOnlyCollection<string> required, PhaseExpectation expectation,
        DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (time.GetUtcNow() < deadline)
        {
            await Task.Delay(Poll, time, cancellationToken);
            if (SettleCheck.IsSettled(timeline(), required, expectation.SettleFrom, stableFor, expectation.IsSettled)) return true;
        }
        return false;
    }
}
