using HaLbDeploy.Core.Status;

namespace HaLbDeploy.Core.Tests.Status;

public sealed class TransitionLogParserTests
{
    [Fact]
    public void A_log_line_gives_its_time_to_the_tick_and_its_fields()
    {
        var transitions = TransitionLogParser.Parse(["1764635401.123456789 2026-12-02T00:30:01.123456789Z INSTANCE VI_lab MASTER 100"]);

        var t = Assert.Single(transitions);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764635401).AddTicks(1234567), t.At);
        Assert.Equal(("INSTANCE", "VI_lab", "MASTER", 100), (t.Kind, t.Name, t.State, t.Priority));
        Assert.True(t.EntersMaster);
    }

    [Fact]
    public void Lines_cut_short_or_edited_are_left_out_and_the_rest_come_oldest_first()
    {
        var transitions = TransitionLogParser.Parse(
        [
            "1764635402.5 2026-12-02T00:30:02.5Z INSTANCE VI_lab BACKUP 90",
            "1764635401.000000001 2026-12-02T00:30:01.000000001Z INSTANCE VI_lab MASTER 90",
            "1764635403.1 2026-12-02T00:30:03.1Z INST",
            "garbage",
            "17646x5403.1 2026-12-02T00:30:03.1Z INSTANCE VI_lab MASTER 90",
            "1764635404.1 2026-12-02T00:30:04.1Z OTHER VI_lab MASTER 90",
            "",
        ]);

        Assert.Equal(["MASTER", "BACKUP"], transitions.Select(t => t.State));
    }

    [Theory]
    [InlineData("1764635401", 0)]
    [InlineData("1764635401.5", 5_000_000)]
    [InlineData("1764635401.000000099", 0)]
    public void The_epoch_may_carry_any_number_of_fraction_digits(string text, long ticks) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764635401).AddTicks(ticks), TransitionLogParser.Epoch(text));

    [Theory]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("1764635401.5e3")]
    [InlineData("-1764635401")]
    public void What_is_not_an_epoch_is_none(string text) => Assert.Null(TransitionLogParser.Epoch(text));
}
