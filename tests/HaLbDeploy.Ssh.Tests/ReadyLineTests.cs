using System.Text;

namespace HaLbDeploy.Ssh.Tests;

/// <summary>A held command is ready once its ready line has arrived whole: at the start of a line and ended by a line feed.</summary>
public sealed class ReadyLineTests
{
    [Theory]
    [InlineData("ready\n", 0)]
    [InlineData("facts=1\nready\n", 8)]
    [InlineData("facts=1\nnot ready\nready\nmore", 18)]
    [InlineData("facts=ready\nready\n", 12)]
    public void The_ready_line_is_found_where_it_starts(string output, int expected)
    {
        Assert.Equal(expected, ReadyLine.Find(new StringBuilder(output), "ready"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("read")]
    [InlineData("ready")]
    [InlineData("facts=1\nready")]
    [InlineData("already\n")]
    [InlineData("readyish\n")]
    public void Output_without_the_whole_line_yet_is_not_ready(string output)
    {
        Assert.Null(ReadyLine.Find(new StringBuilder(output), "ready"));
    }

    [Fact]
    public void A_line_split_across_chunks_is_found_once_its_line_feed_arrives()
    {
        var output = new StringBuilder("facts=1\nrea");
        Assert.Null(ReadyLine.Find(output, "ready"));
        var from = Math.Max(0, output.Length - "ready".Length - 1);

        output.Append("dy\n");

        Assert.Equal(8, ReadyLine.Find(output, "ready", from));
    }
}
