using HaLbDeploy.Core.Failover;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class FailoverModeNamesTests
{
    [Theory]
    [InlineData("stop", FailoverMode.Stop)]
    [InlineData("kill-haproxy", FailoverMode.KillHaproxy)]
    [InlineData("link-down", FailoverMode.LinkDown)]
    [InlineData("Power-Off", FailoverMode.PowerOff)]
    public void Each_mode_has_a_command_line_name(string name, FailoverMode mode)
    {
        Assert.True(FailoverModeNames.TryParse(name, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(name.ToLowerInvariant(), FailoverModeNames.Name(mode));
    }

    [Fact]
    public void An_unknown_name_is_refused() => Assert.False(FailoverModeNames.TryParse("reboot", out _));

    [Fact]
    public void Only_link_down_and_power_off_need_hooks() =>
        Assert.Equal([FailoverMode.LinkDown, FailoverMode.PowerOff], Enum.GetValues<FailoverMode>().Where(FailoverModeNames.NeedsHooks));
}
