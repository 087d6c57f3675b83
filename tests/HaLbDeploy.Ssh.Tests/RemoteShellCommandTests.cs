using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests;

public sealed class RemoteShellCommandTests
{
    [Fact]
    public void Root_runs_the_script_with_a_shell_reading_standard_input()
    {
        Assert.Equal("sh -s", RemoteShellCommand.For(TestNodes.RootWithKey).CommandLine);
    }

    [Fact]
    public void Become_without_a_password_uses_non_interactive_sudo()
    {
        var command = RemoteShellCommand.For(TestNodes.RootWithKey with { User = "halb", Become = true });

        Assert.Equal("sudo -n -- sh -s", command.CommandLine);
        Assert.True(command.UsesSudo);
    }

    [Fact]
    public void Become_with_a_password_has_sudo_read_it_from_standard_input_without_a_prompt()
    {
        var command = RemoteShellCommand.For(TestNodes.RootWithKey with { User = "halbpw", Become = true, BecomePasswordEnv = "PW" });

        Assert.Equal("sudo -S -p '' -- sh -s", command.CommandLine);
    }

    [Fact]
    public void The_script_travels_on_standard_input_never_on_the_command_line()
    {
        var command = new RemoteShellCommand(BecomeMode.None);

        var input = Encoding.UTF8.GetString(command.BuildStandardInput("echo token=s3cr3t", null));

        Assert.Equal("echo token=s3cr3t\n", input);
        Assert.DoesNotContain("s3cr3t", command.CommandLine);
    }

    [Fact]
    public void The_sudo_password_comes_first_then_guard_lines_then_the_script()
    {
        var command = new RemoteShellCommand(BecomeMode.SudoWithPassword);

        var input = Encoding.UTF8.GetString(command.BuildStandardInput("id -u\n", new Secret("pa55word", "env PW")));

        Assert.Equal("pa55word\n: sudo password guard\n: sudo password guard\nid -u\n", input);
        Assert.DoesNotContain("pa55word", command.CommandLine);
    }

    [Fact]
    public void Without_sudo_a_password_is_never_sent()
    {
        var command = new RemoteShellCommand(BecomeMode.SudoWithoutPassword);

        var input = Encoding.UTF8.GetString(command.BuildStandardInput("id -u", new Secret("pa55word", "env PW")));

        Assert.Equal("id -u\n", input);
    }

    [Theory]
    [InlineData(BecomeMode.None, "env HALB_DEPLOY_RUN=0123abcd sh -s")]
    [InlineData(BecomeMode.SudoWithoutPassword, "sudo -n -- env HALB_DEPLOY_RUN=0123abcd sh -s")]
    [InlineData(BecomeMode.SudoWithPassword, "sudo -S -p '' -- env HALB_DEPLOY_RUN=0123abcd sh -s")]
    public void Each_run_is_tagged_in_the_environment_after_sudo_so_that_every_process_of_it_can_be_found(BecomeMode mode, string expected)
    {
        Assert.Equal(expected, new RemoteShellCommand(mode).CommandLineFor("0123abcd"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("x;rm -rf /")]
    public void A_run_id_that_is_not_plain_letters_and_digits_is_refused(string runId)
    {
        Assert.Throws<ArgumentException>(() => new RemoteShellCommand(BecomeMode.None).CommandLineFor(runId));
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
