namespace HaLbDeploy.Core.Facts;

/// <summary>
/// The node's wall clock read at the start and at the end of the fact script (Unix epoch, milliseconds). The
/// script runs between the moment the control host sent it and the moment the answer came back, so comparing
/// midpoints gives the node's clock offset to within half the network round trip.
/// </summary>
public sealed record NodeClockReading(long StartEpochMilliseconds, long EndEpochMilliseconds)
{
    public long MidpointEpochMilliseconds => StartEpochMilliseconds + (EndEpochMilliseconds - StartEpochMilliseconds) / 2;

    /// <summary>How far the node's clock is ahead of the control host's (negative: behind).</summary>
    /// <param name="sentAt">Control host time when the script was sent.</param>
    /// <param name="receivedAt">Control host time when its output had arrived.</param>
    public TimeSpan OffsetFrom(DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        var sent = sentAt.ToUnixTimeMilliseconds();
        var controlMidpoint = sent + (receivedAt.ToUnixTimeMilliseconds() - sent) / 2;
        return TimeSpan.FromMilliseconds(MidpointEpochMilliseconds - controlMidpoint);
    }
}
