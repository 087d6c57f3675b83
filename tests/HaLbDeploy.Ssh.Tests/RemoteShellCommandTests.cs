using System.Text;
using System.Text.RegularExpressions;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests;

public sealed class RemoteShellCommandTests
{
    private const string Marker = "halb-deploy-script-follows-00112233445566778899aabbccddeeff";
    private static readonly Secret Password = new("pa55word", "env PW");

    [Fact]
    public void Root_runs_the_script_with_a_shell_reading_standard_input()
    {
        Assert.Equal("sh -s", RemoteShellCommand.For(TestNodes.RootWithKey).CommandLine);
    }

    [Fact]
    public void Become_without_a_password_uses_non_interactive_sudo_that_ignores_cached_credentials()
    {
        var command = RemoteShellCommand.For(TestNodes.RootWithKey with { User = "halb", Become = true });

        Assert.Equal("sudo -k -n -- sh -s", command.CommandLine);
        Assert.True(command.UsesSudo);
    }

    [Fact]
    public void Become_with_a_password_has_sudo_read_it_from_standard_input_without_a_prompt_and_start_the_discarding_loop()
    {
        var command = RemoteShellCommand.For(TestNodes.RootWithKey with { User = "halbpw", Become = true, BecomePasswordEnv = "PW" });

        var invocation = command.Prepare("id -u", Password, "0123abcd", Marker);

        Assert.Equal("sudo -k -S -p '' -- sh -c 'while IFS= read -r line; do case $line in " + Marker + ") export HALB_DEPLOY_RUN=0123abcd; exec sh -s;; esac; done; " +
                     "echo \"halb-deploy: standard input ended before the script began; nothing was run\" >&2; exit 125'", invocation.CommandLine);
    }

    [Fact]
    public void The_script_travels_on_standard_input_never_on_the_command_line()
    {
        var invocation = new RemoteShellCommand(BecomeMode.None).Prepare("echo token=s3cr3t", null, "0123abcd");

        Assert.Equal("echo token=s3cr3t\n", Encoding.UTF8.GetString(invocation.StandardInput));
        Assert.DoesNotContain("s3cr3t", invocation.CommandLine);
    }

    [Fact]
    public void The_sudo_password_comes_first_then_guard_lines_then_the_marker_then_the_script()
    {
        var invocation = new RemoteShellCommand(BecomeMode.SudoWithPassword).Prepare("id -u\n", Password, "0123abcd", Marker);

        Assert.Equal($"pa55word\n: sudo password guard\n: sudo password guard\n{Marker}\nid -u\n", Encoding.UTF8.GetString(invocation.StandardInput));
        Assert.DoesNotContain("pa55word", invocation.CommandLine);
    }

    [Fact]
    public void Every_run_gets_a_fresh_marker_that_appears_on_its_command_line_and_in_its_input()
    {
        var command = new RemoteShellCommand(BecomeMode.SudoWithPassword);

        var first = command.Prepare("true", Password, "0123abcd");
        var second = command.Prepare("true", Password, "0123abcd");

        var marker = Assert.Single(Regex.Matches(first.CommandLine, RemoteShellCommand.StartMarkerPrefix + "[0-9a-f]{32}")).Value;
        Assert.Contains("\n" + marker + "\n", Encoding.UTF8.GetString(first.StandardInput));
        Assert.DoesNotContain(marker, second.CommandLine);
    }

    [Fact]
    public void Clearing_an_invocation_wipes_the_password_from_its_input()
    {
        var invocation = new RemoteShellCommand(BecomeMode.SudoWithPassword).Prepare("true", Password, "0123abcd");

        invocation.Clear();

        Assert.All(invocation.StandardInput, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData("pa55\nword")]
    [InlineData("pa55word\n")]
    [InlineData("pa55\rword")]
    public void A_password_with_a_line_break_is_never_put_on_standard_input(string password)
    {
        var command = new RemoteShellCommand(BecomeMode.SudoWithPassword);

        var fault = Assert.Throws<InvalidOperationException>(() => command.Prepare("true", new Secret(password, "env PW"), "0123abcd"));

        Assert.Equal("the sudo password from env PW holds a line break; it is never sent", fault.Message);
    }

    [Fact]
    public void A_marker_that_occurs_in_the_password_is_refused()
    {
        var command = new RemoteShellCommand(BecomeMode.SudoWithPassword);

        Assert.Throws<ArgumentException>(() => command.Prepare("true", new Secret("x" + Marker, "env PW"), "0123abcd", Marker));
    }

    [Theory]
    [InlineData(BecomeMode.None)]
    [InlineData(BecomeMode.SudoWithoutPassword)]
    public void Without_a_sudo_password_mode_a_password_is_never_sent(BecomeMode mode)
    {
        var invocation = new RemoteShellCommand(mode).Prepare("id -u", Password, "0123abcd");

        Assert.Equal("id -u\n", Encoding.UTF8.GetString(invocation.StandardInput));
    }

    [Theory]
    [InlineData(BecomeMode.None, "env HALB_DEPLOY_RUN=0123abcd sh -s")]
    [InlineData(BecomeMode.SudoWithoutPassword, "sudo -k -n -- env HALB_DEPLOY_RUN=0123abcd sh -s")]
    public void Each_run_is_tagged_in_the_environment_after_sudo_so_that_every_process_of_it_can_be_found(BecomeMode mode, string expected)
    {
        Assert.Equal(expected, new RemoteShellCommand(mode).Prepare("true", null, "0123abcd").CommandLine);
    }

    [Theory]
    [InlineData(BecomeMode.None, "sh -s")]
    [InlineData(BecomeMode.SudoWithoutPassword, "sudo -k -n -- sh -s")]
    public void A_run_without_an_id_is_untagged(BecomeMode mode, string expected)
    {
        Assert.Equal(expected, new RemoteShellCommand(mode).Prepare("true", null, runId: null).CommandLine);
    }

    [Fact]
    public void An_untagged_password_run_execs_the_shell_without_a_tag()
    {
        var invocation = new RemoteShellCommand(BecomeMode.SudoWithPassword).Prepare("true", Password, runId: null, Marker);

        Assert.Contains($"case $line in {Marker}) exec sh -s;; esac", invocation.CommandLine);
        Assert.DoesNotContain(RemoteShellCommand.RunIdVariable, invocation.CommandLine);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("x;rm -rf /")]
    public void A_run_id_that_is_not_plain_letters_and_digits_is_refused(string runId)
    {
        Assert.Throws<ArgumentException>(() => new RemoteShellCommand(BecomeMode.None).Prepare("true", null, runId));
        Assert.Throws<ArgumentException>(() => new RemoteShellCommand(BecomeMode.SudoWithPassword).Prepare("true", Password, runId, Marker));
        Assert.Throws<ArgumentException>(() => RemoteShellCommand.StopScript(runId));
    }

    [Fact]
    public void The_stop_script_signals_the_sessions_of_the_tagged_processes_term_first_then_kill()
    {
        var script = RemoteShellCommand.StopScript("0123abcd");

        Assert.Contains("grep -qx 'HALB_DEPLOY_RUN=0123abcd'", script);
        Assert.Contains("pkill -TERM -s \"$sids\"", script);
        Assert.Contains("pkill -KILL -s \"$sids\"", script);
    }

    [Fact]
    public void Run_ids_are_fresh_and_safe()
    {
        var first = RemoteShellCommand.NewRunId();

        Assert.Matches("^[0-9a-f]{16}$", first);
        Assert.NotEqual(first, RemoteShellCommand.NewRunId());
    }
}
