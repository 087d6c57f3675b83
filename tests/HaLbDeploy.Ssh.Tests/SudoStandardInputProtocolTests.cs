using System.Runtime.Versioning;
using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests;

/// <summary>
/// The command line and standard input of a sudo-with-password run, executed for real by dash and bash with a fake
/// sudo that reads the password or leaves it unread. The password is a command that would leave a file PWNED: it must
/// never run, whatever sudo does with it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SudoStandardInputProtocolTests
{
    private const string RunId = "0123abcd";
    private const string Script = "echo script ran; tr '\\0' ' ' </proc/$$/cmdline; echo; echo \"tag=$HALB_DEPLOY_RUN\"";
    private const string ScriptOutput = "script ran\nsh -s \ntag=" + RunId + "\n";
    private static readonly Secret CommandAsPassword = new("touch PWNED", "env PW");
    private static readonly RemoteShellCommand PasswordMode = new(BecomeMode.SudoWithPassword);

    public static TheoryData<string, bool> ShellsAndSudos => new()
    {
        { "dash", true }, { "dash", false }, { "bash", true }, { "bash", false },
    };

    [Theory]
    [MemberData(nameof(ShellsAndSudos))]
    public void The_script_runs_as_a_tagged_sh_reading_standard_input_and_the_password_never_runs(string shell, bool sudoReads)
    {
        using var node = new FakeSudoNode(shell);
        var invocation = PasswordMode.Prepare(Script, CommandAsPassword, RunId);

        var (exit, output, error) = node.Run(invocation.CommandLine, invocation.StandardInput, sudoReads, acceptedPassword: "touch PWNED");

        Assert.Equal((0, ScriptOutput, ""), (exit, output, error));
        Assert.False(node.Has("PWNED"), "the password was run as a command");
        Assert.Equal(sudoReads ? ["touch PWNED"] : [], node.PasswordAttempts);
        Assert.DoesNotContain("touch PWNED", node.SudoLog);
    }

    [Theory]
    [InlineData("dash", "$(touch PWNED)")]
    [InlineData("dash", "`touch PWNED`")]
    [InlineData("dash", "x; touch PWNED")]
    [InlineData("dash", "x' ; touch PWNED; echo '")]
    [InlineData("dash", "x) touch PWNED;; esac; touch PWNED; case x in y")]
    [InlineData("dash", "-e touch PWNED \\")]
    [InlineData("dash", "*")]
    [InlineData("dash", "halb-deploy-script-follows-")]
    [InlineData("bash", "$(touch PWNED)")]
    [InlineData("bash", "x) touch PWNED;; esac; touch PWNED; case x in y")]
    [InlineData("bash", "halb-deploy-script-follows-")]
    public void A_password_sudo_leaves_unread_is_discarded_whatever_it_says(string shell, string password)
    {
        using var node = new FakeSudoNode(shell);
        var invocation = PasswordMode.Prepare(Script, new Secret(password, "env PW"), RunId);

        var (exit, output, error) = node.Run(invocation.CommandLine, invocation.StandardInput, sudoReads: false);

        Assert.Equal((0, ScriptOutput, ""), (exit, output, error));
        Assert.False(node.Has("PWNED"), "the password was run as a command");
    }

    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void When_sudo_rejects_the_password_nothing_runs(string shell)
    {
        using var node = new FakeSudoNode(shell);
        var invocation = PasswordMode.Prepare("touch SCRIPT-RAN", CommandAsPassword, RunId);

        var (exit, output, error) = node.Run(invocation.CommandLine, invocation.StandardInput, sudoReads: true, acceptedPassword: "the right one");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("Sorry, try again.\nSorry, try again.\nsudo: 3 incorrect password attempts\n", error);
        Assert.False(node.Has("PWNED"));
        Assert.False(node.Has("SCRIPT-RAN"));
        Assert.Equal(["touch PWNED", RemoteShellCommand.PasswordGuardLine, RemoteShellCommand.PasswordGuardLine], node.PasswordAttempts);
    }

    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void Input_that_ends_before_the_marker_runs_nothing_and_says_so(string shell)
    {
        using var node = new FakeSudoNode(shell);
        var invocation = PasswordMode.Prepare("touch SCRIPT-RAN", CommandAsPassword, RunId);
        var text = Encoding.UTF8.GetString(invocation.StandardInput);
        var cut = Encoding.UTF8.GetBytes(text[..text.IndexOf(RemoteShellCommand.StartMarkerPrefix, StringComparison.Ordinal)]);

        var (exit, output, error) = node.Run(invocation.CommandLine, cut, sudoReads: false);

        Assert.Equal((RemoteShellCommand.NoStartMarkerExitStatus, "", RemoteShellCommand.NoStartMarkerMessage + "\n"), (exit, output, error));
        Assert.False(node.Has("PWNED"));
        Assert.False(node.Has("SCRIPT-RAN"));
    }

    [Theory]
    [MemberData(nameof(ShellsAndSudos))]
    public void A_megabyte_script_reaches_the_shell_whole_after_the_marker(string shell, bool sudoReads)
    {
        using var node = new FakeSudoNode(shell);
        var body = new StringBuilder();
        for (var i = 0; body.Length < 1_000_000; i++) body.Append("line ").Append(i).Append(" of a here-document far longer than any read buffer\n");
        var invocation = PasswordMode.Prepare($"cat <<'HALB_EOF' | wc -c\n{body}HALB_EOF\necho done\n", CommandAsPassword, RunId);

        var (exit, output, _) = node.Run(invocation.CommandLine, invocation.StandardInput, sudoReads, acceptedPassword: "touch PWNED");

        Assert.Equal((0, $"{Encoding.UTF8.GetByteCount(body.ToString())}\ndone\n"), (exit, output));
        Assert.False(node.Has("PWNED"));
    }

    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void The_untagged_stop_script_run_goes_through_the_same_discarding_loop(string shell)
    {
        using var node = new FakeSudoNode(shell);
        var invocation = PasswordMode.Prepare("echo \"tag=${HALB_DEPLOY_RUN:-none}\"", CommandAsPassword, runId: null);

        var (exit, output, _) = node.Run(invocation.CommandLine, invocation.StandardInput, sudoReads: false);

        Assert.Equal((0, "tag=none\n"), (exit, output));
        Assert.False(node.Has("PWNED"));
    }

    /// <summary>
    /// The harness can see the bug: the standard input halb-deploy used to send, password then `sh -s`, through the same
    /// fake sudo leaving the password unread, runs the password as root's command.
    /// </summary>
    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public void Under_the_old_protocol_an_unread_password_was_run_by_the_shell_and_this_harness_sees_it(string shell)
    {
        using var node = new FakeSudoNode(shell);
        var oldInput = Encoding.UTF8.GetBytes("touch PWNED\n: sudo password guard\n: sudo password guard\necho script ran\n");

        var (exit, output, _) = node.Run("sudo -S -p '' -- sh -s", oldInput, sudoReads: false);

        Assert.Equal((0, "script ran\n"), (exit, output));
        Assert.True(node.Has("PWNED"));
    }
}
