using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests;

public sealed class SudoModeProbeTests
{
    private static readonly Secret Password = new("sudo-pa55", "env HALB_SUDO_PW");

    private static readonly LbNode PasswordNode =
        TestNodes.Node(TestNodes.RootWithKey with { User = "halbpw", Become = true, BecomePasswordEnv = "HALB_SUDO_PW" });

    private static FakeRemoteShell Sudo(RemoteCommandResult needsPassword, RemoteCommandResult? check = null) =>
        new((line, _, _) => Task.FromResult(line == SudoModeProbe.NeedsPasswordProbe ? needsPassword : check!));

    [Fact]
    public async Task Without_a_configured_password_nothing_is_probed()
    {
        var shell = FakeRemoteShell.Answering(0);

        var command = await SudoModeProbe.ChooseAsync(shell, TestNodes.Node(TestNodes.RootWithKey with { Become = true }), null, CancellationToken.None);

        Assert.Equal(BecomeMode.SudoWithoutPassword, command.Mode);
        Assert.Empty(shell.Runs);
    }

    [Fact]
    public async Task When_sudo_needs_no_password_the_password_is_never_sent()
    {
        var shell = Sudo(new RemoteCommandResult(0, null, "", ""));

        var command = await SudoModeProbe.ChooseAsync(shell, PasswordNode, Password, CancellationToken.None);

        Assert.Equal(BecomeMode.SudoWithoutPassword, command.Mode);
        Assert.Equal(("sudo -k -n true", ""), Assert.Single(shell.Runs));
    }

    [Fact]
    public async Task When_sudo_wants_the_password_it_is_checked_once_on_standard_input()
    {
        var shell = Sudo(new RemoteCommandResult(1, null, "", "sudo: a password is required\n"), new RemoteCommandResult(0, null, "", ""));

        var command = await SudoModeProbe.ChooseAsync(shell, PasswordNode, Password, CancellationToken.None);

        Assert.Equal(BecomeMode.SudoWithPassword, command.Mode);
        Assert.Equal(("sudo -k -S -p '' -- true", "sudo-pa55\n"), shell.Runs[1]);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_connect_naming_the_variable_but_not_the_value()
    {
        var shell = Sudo(new RemoteCommandResult(1, null, "", "sudo: a password is required\n"),
            new RemoteCommandResult(1, null, "", "Sorry, try again.\nsudo: no password was provided\nsudo: 1 incorrect password attempt\n"));

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => SudoModeProbe.ChooseAsync(shell, PasswordNode, Password, CancellationToken.None));

        Assert.Equal("lb1: sudo rejected the password from env HALB_SUDO_PW for user halbpw (the script did not run)", fault.Message);
        Assert.DoesNotContain("sudo-pa55", fault.ToString());
    }

    [Fact]
    public async Task A_user_without_sudo_rights_fails_the_connect()
    {
        var shell = Sudo(new RemoteCommandResult(1, null, "", "sudo: halbpw is not in the sudoers file.  This incident will be reported.\n"));

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => SudoModeProbe.ChooseAsync(shell, PasswordNode, Password, CancellationToken.None));

        Assert.Contains("user halbpw may not use sudo", fault.Message);
    }

    [Fact]
    public async Task Sudo_that_requires_a_terminal_fails_the_connect_naming_the_sudoers_line_to_change()
    {
        var shell = Sudo(new RemoteCommandResult(1, null, "", "sudo: sorry, you must have a tty to run sudo\n"));

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => SudoModeProbe.ChooseAsync(shell, PasswordNode, Password, CancellationToken.None));

        Assert.Equal("lb1: sudo on this node requires a terminal for user halbpw (`Defaults requiretty` in /etc/sudoers or /etc/sudoers.d/), " +
                     "and halb-deploy runs without one: allow halbpw with the line `Defaults:halbpw !requiretty` (add it with visudo), " +
                     "or log in as root (the script did not run)", fault.Message);
        Assert.Single(shell.Runs);
    }
}
