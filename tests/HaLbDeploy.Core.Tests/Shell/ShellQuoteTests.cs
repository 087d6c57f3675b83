using HaLbDeploy.Core.Shell;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Core.Tests.Shell;

/// <summary>ShellQuote (in Core/Shell) is tested here because the fact script is its first user.</summary>
public sealed class ShellQuoteTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("it's")]
    [InlineData("''")]
    [InlineData("a b\tc")]
    [InlineData("$HOME `id` $(id) \\n \\")]
    [InlineData("line1\nline2")]
    [InlineData("*?[a] ~ ; & | < > #")]
    [InlineData("-n")]
    [InlineData("ünïcødé ✓")]
    public void A_quoted_word_reaches_the_command_unchanged(string text)
    {
        var result = LocalShell.Run("sh", $"printf '%s' {ShellQuote.Single(text)}\n", "-s");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(text, result.StandardOutput);
    }

    [Fact]
    public void A_single_quote_closes_escapes_and_reopens()
    {
        Assert.Equal(@"'it'\''s'", ShellQuote.Single("it's"));
    }

    [Fact]
    public void A_nul_character_cannot_be_quoted()
    {
        Assert.Throws<ArgumentException>(() => ShellQuote.Single("a\0b"));
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5")]
    [InlineData("/home/me/.ssh/known_hosts", "/home/me/.ssh/known_hosts")]
    [InlineData("~/.ssh/known_hosts", "~/.ssh/known_hosts")]
    [InlineData("[10.0.0.5]:2222", "'[10.0.0.5]:2222'")]
    [InlineData("/tmp/a b", "'/tmp/a b'")]
    [InlineData("it's", @"'it'\''s'")]
    [InlineData("", "''")]
    public void A_word_for_display_stays_bare_only_when_nothing_in_it_is_special(string text, string shown)
    {
        Assert.Equal(shown, ShellQuote.ForDisplay(text));
    }

    [Theory]
    [InlineData("[10.0.0.5]:2222")]
    [InlineData("a b")]
    [InlineData("$(id)")]
    [InlineData("")]
    public void A_word_for_display_reaches_the_command_unchanged(string text)
    {
        var result = LocalShell.Run("sh", $"printf '%s' {ShellQuote.ForDisplay(text)}\n", "-s");

        Assert.Equal(text, result.StandardOutput);
    }
}
