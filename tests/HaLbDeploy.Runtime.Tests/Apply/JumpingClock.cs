using Microsoft.Extensions.Time.Testing;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>
/// A fake clock that never makes anyone wait: a timer started on it moves the clock to the timer's due time at
/// once, so a 200 ms poll loop runs through 30 fake seconds in no real time, deterministically. Steps that take
/// long are simulated with <see cref="FakeTimeProvider.Advance"/>.
/// </summary>
public sealed class JumpingClock : FakeTimeProvider
{
    public JumpingClock() : base(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan) Advance(dueTime);
        return timer;
    }
}
