using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests;

/// <summary>
/// Shell completion: `halb-deploy "[suggest:POSITION]" "COMMAND LINE"` prints the candidates for the word at POSITION,
/// one per line. dotnet-suggest's shell shims, or the bash function in docs/getting-started.md, call exactly this.
/// </summary>
public sealed class ShellCompletionTests
{
    [Theory]
    [InlineData("halb-deploy ap", "apply")]
    [InlineData("halb-deploy val", "validate")]
    [InlineData("halb-deploy apply --pa", "--parallel")]
    [InlineData("halb-deploy plan --accept", "--accept-new-host-keys")]
    [InlineData("halb-deploy plan -o js", "Json")]
    public async Task The_suggest_directive_completes_the_word_before_the_cursor(string line, string expected)
    {
        var (exit, output, error) = await CliRunner.RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, exit);
        Assert.Equal([expected], Lines(output));
        Assert.Equal("", error);
    }

    [Fact]
    public async Task After_the_program_name_every_command_is_offered()
    {
        const string line = "halb-deploy ";

        var (exit, output, _) = await CliRunner.RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, exit);
        Assert.Superset(new HashSet<string> { "validate", "render", "plan", "apply", "--help", "--version" }, Lines(output).ToHashSet());
    }

    [Fact]
    public async Task A_word_nothing_starts_with_offers_nothing_and_still_exits_0()
    {
        const string line = "halb-deploy zzz";

        var (exit, output, _) = await CliRunner.RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, exit);
        Assert.Empty(Lines(output));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
