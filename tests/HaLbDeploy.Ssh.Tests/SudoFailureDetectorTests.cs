namespace HaLbDeploy.Ssh.Tests;

public sealed class SudoFailureDetectorTests
{
    [Theory]
    [InlineData(1, "sudo: a password is required\n", SudoFailure.PasswordRequired)]
    [InlineData(1, "Sorry, try again.\nSorry, try again.\nsudo: 3 incorrect password attempts\n", SudoFailure.PasswordIncorrect)]
    [InlineData(1, "sudo: 1 incorrect password attempt\n", SudoFailure.PasswordIncorrect)]
    [InlineData(1, "sudo: no password was provided\n", SudoFailure.PasswordRequired)]
    [InlineData(1, "halb is not in the sudoers file.\n", null)]
    [InlineData(1, "sudo: halb is not in the sudoers file.  This incident will be reported.\n", SudoFailure.NotPermitted)]
    [InlineData(1, "sudo: Sorry, user halb is not allowed to execute '/bin/sh -s' as root on lb1.\n", SudoFailure.NotPermitted)]
    [InlineData(127, "bash: line 1: sudo: command not found\n", SudoFailure.NotInstalled)]
    [InlineData(127, "sh: 1: sudo: not found\n", SudoFailure.NotInstalled)]
    [InlineData(1, "sudo: sorry, you must have a tty to run sudo\n", SudoFailure.TerminalRequired)]
    public void Sudo_refusals_are_recognised_from_exit_code_and_standard_error(int exitCode, string error, SudoFailure? expected)
    {
        Assert.Equal(expected, SudoFailureDetector.Detect(exitCode, error));
    }

    [Theory]
    [InlineData(0, "sudo: a password is required")]
    [InlineData(2, "sudo: a password is required")]
    [InlineData(1, "grep: x: No such file\nsudo: a password is required")]
    [InlineData(1, "")]
    public void A_script_that_fails_on_its_own_is_not_taken_for_a_sudo_refusal(int exitCode, string error)
    {
        Assert.Null(SudoFailureDetector.Detect(exitCode, error));
    }

    [Fact]
    public void The_explanation_names_the_password_variable_and_says_the_script_did_not_run()
    {
        var settings = TestSupport.TestNodes.RootWithKey with { User = "halbpw", Become = true, BecomePasswordEnv = "HALB_SUDO_PW" };

        var message = SudoFailureDetector.Explain(SudoFailure.PasswordIncorrect, settings);

        Assert.Contains("HALB_SUDO_PW", message);
        Assert.Contains("halbpw", message);
        Assert.Contains("the script did not run", message);
    }
}
