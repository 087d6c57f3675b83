using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Core.Tests.Ports;

public sealed class RunLockHolderTests
{
    private const string OwnerLine = "run 1a2b3c4d5e6f by alice on ctl1 since 2026-12-01T23:10:02Z";

    [Fact]
    public void The_lock_scripts_refusal_is_read_as_the_beat_age_and_the_owner_record_after_it()
    {
        var holder = RunLockHolder.Parse($"{RunLockHolder.BeatAgePrefix}2\r\n{OwnerLine}\n");

        Assert.Equal(2, holder.BeatAgeSeconds);
        Assert.Equal(OwnerLine + "\n", holder.OwnerText);
        Assert.Equal("1a2b3c4d5e6f", holder.RunId);
        Assert.Equal(OwnerLine + " (last beat 2 s ago)", holder.Describe());
    }

    [Fact]
    public void A_refusal_without_a_beat_age_keeps_all_its_text_as_the_owner_record_and_has_no_age()
    {
        var holder = RunLockHolder.Parse(OwnerLine + "\n");

        Assert.Null(holder.BeatAgeSeconds);
        Assert.Equal(OwnerLine, holder.Describe());
        Assert.False(holder.BeatIsFresh);
    }

    [Theory]
    [InlineData("x", null)]
    [InlineData("", null)]
    [InlineData("-3", -3)]
    [InlineData("99999999999999", null)]
    public void A_beat_age_that_is_not_a_number_is_unknown(string age, int? expected)
    {
        Assert.Equal(expected, RunLockHolder.Parse($"{RunLockHolder.BeatAgePrefix}{age}\n{OwnerLine}\n").BeatAgeSeconds);
    }

    [Theory]
    [InlineData(-5, true)]
    [InlineData(0, true)]
    [InlineData(RunLockTiming.FreshWithinSeconds - 1, true)]
    [InlineData(RunLockTiming.FreshWithinSeconds, false)]
    [InlineData(3600, false)]
    public void A_beat_younger_than_the_fresh_limit_is_a_live_holder_and_an_older_one_is_waited_for(int age, bool fresh)
    {
        var holder = new RunLockHolder(age, OwnerLine);

        Assert.Equal(fresh, holder.BeatIsFresh);
        Assert.Equal(!fresh, holder.IsWorthWaitingFor("ffffffffffff"));
    }

    [Fact]
    public void This_runs_own_lock_from_a_lost_connection_is_waited_for_even_with_a_fresh_beat()
    {
        Assert.True(new RunLockHolder(0, OwnerLine).IsWorthWaitingFor("1a2b3c4d5e6f"));
    }

    [Fact]
    public void An_owner_record_that_is_not_an_owner_line_has_no_run_id_and_is_shown_cleaned()
    {
        var holder = RunLockHolder.Parse($"{RunLockHolder.BeatAgePrefix}0\nrun `reboot`\u001b[2J by\n");

        Assert.Null(holder.RunId);
        Assert.Equal("run reboot[2J by (last beat 0 s ago)", holder.Describe());
    }

    [Fact]
    public void The_wait_for_a_stale_holder_is_a_little_over_the_holders_timeout()
    {
        Assert.InRange(RunLockTiming.StaleWait - RunLockTiming.HolderTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.True(RunLockTiming.FreshWithin < RunLockTiming.HolderTimeout);
        Assert.True(RunLockTiming.BeatInterval * 3 <= RunLockTiming.FreshWithin);
    }
}
