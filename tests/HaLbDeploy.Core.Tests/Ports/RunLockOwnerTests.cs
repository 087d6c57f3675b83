using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Core.Tests.Ports;

public sealed class RunLockOwnerTests
{
    [Fact]
    public void The_owner_line_names_the_run_the_user_the_control_host_and_the_start_in_utc()
    {
        var owner = new RunLockOwner("1a2b3c", "alice", "ctl1", new DateTimeOffset(2026, 12, 2, 0, 10, 2, TimeSpan.FromHours(1)));

        Assert.Equal("run 1a2b3c by alice on ctl1 since 2026-12-01T23:10:02Z", owner.Line);
    }

    [Fact]
    public void Quotes_spaces_and_control_characters_in_a_user_or_host_name_never_reach_the_line()
    {
        var owner = new RunLockOwner("1a2b", "o'brien $(x)\n", "", DateTimeOffset.UnixEpoch);

        Assert.Equal("run 1a2b by obrienx on unknown since 1970-01-01T00:00:00Z", owner.Line);
    }

    [Fact]
    public void A_holders_owner_text_is_shown_as_its_first_line_without_control_characters_or_quotes()
    {
        Assert.Equal("run x by a on b since t", RunLockOwner.Describe("\n run x by a on b since t\u001b'\nsecond line\n"));
        Assert.Equal("an unknown run (no owner line)", RunLockOwner.Describe(""));
        Assert.Equal(201, RunLockOwner.Describe(new string('a', 500)).Length);
    }
}
