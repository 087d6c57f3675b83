using HaLbDeploy.Core.Ports;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>Every way the lab lets us log in and become root, through the real connector. Needs `sudo lab/lab up`.</summary>
[Trait("Category", "Integration")]
public sealed class SshLoginLabTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<string> UserIdAsync(IHostReader session) =>
        (await session.ReadAsync("read uid", "id -u", None)).StandardOutput.Trim();

    [Fact]
    public async Task Root_with_a_key_runs_scripts_as_root()
    {
        await using var session = await LabSshNodes.Connector().OpenAsync(LabSshNodes.Node("lb1", LabSshNodes.Root), None);

        Assert.Equal("0", await UserIdAsync(session));
        Assert.Equal("sh -s", session.CommandLine);
    }

    [Fact]
    public async Task A_user_with_passwordless_sudo_runs_scripts_as_root()
    {
        await using var session = await LabSshNodes.Connector().OpenAsync(LabSshNodes.Node("lb2", LabSshNodes.SudoUser), None);

        Assert.Equal("0", await UserIdAsync(session));
        Assert.Equal("sudo -k -n -- sh -s", session.CommandLine);
    }

    [Fact]
    public async Task A_user_whose_sudo_wants_a_password_runs_scripts_as_root_with_the_password()
    {
        await using var session = await LabSshNodes.Connector().OpenAsync(LabSshNodes.Node("lb3", LabSshNodes.PasswordSudoUser), None);

        Assert.Equal("0", await UserIdAsync(session));
        Assert.Equal("sudo -k -S -p '' -- sh -c '<discard standard input up to the run's marker line>; exec sh -s'", session.CommandLine);
    }

    [Fact]
    public async Task A_wrong_sudo_password_fails_the_connect_naming_the_variable_and_never_the_password()
    {
        var connector = new SshHostConnector(new SshConnectorOptions
        {
            Environment = new LabSecretsEnvironment { Variables = { [LabSecretsEnvironment.SudoPasswordVariable] = "not-the-password-42" } },
        });

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            connector.ConnectAsync(LabSshNodes.Node("lb1", LabSshNodes.PasswordSudoUser), None));

        Assert.Equal($"lb1: sudo rejected the password from env {LabSecretsEnvironment.SudoPasswordVariable} for user halbpw (the script did not run)",
            fault.Message);
        Assert.DoesNotContain("not-the-password-42", fault.ToString());
    }

    [Fact]
    public async Task A_sudo_password_configured_for_a_user_that_needs_none_is_never_sent()
    {
        var settings = LabSshNodes.SudoUser with { BecomePasswordEnv = LabSecretsEnvironment.SudoPasswordVariable };

        await using var session = await LabSshNodes.Connector().OpenAsync(LabSshNodes.Node("lb2", settings), None);

        Assert.Equal("sudo -k -n -- sh -s", session.CommandLine);
        Assert.Equal("0", await UserIdAsync(session));
    }

    [Fact]
    public async Task Sudo_without_a_configured_password_for_a_user_that_needs_one_fails_clearly_and_runs_nothing()
    {
        var settings = LabSshNodes.PasswordSudoUser with { BecomePasswordEnv = null };
        await using var session = await LabSshNodes.Connector().OpenAsync(LabSshNodes.Node("lb3", settings), None);

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => session.ReadAsync("read uid", "id -u", None));

        Assert.Equal("lb3: 'read uid': sudo wants a password for user halbpw: set ssh.become_password_env to the name of an environment " +
                     "variable holding it, or give halbpw a NOPASSWD sudo rule (the script did not run)", fault.Message);
    }

    [Fact]
    public async Task A_password_login_works()
    {
        var settings = LabSshNodes.PasswordSudoUser with { PrivateKeyPath = null, PasswordEnv = LabSecretsEnvironment.LoginPasswordVariable };

        await using var session = await LabSshNodes.Connector().OpenAsync(LabSshNodes.Node("lb1", settings), None);

        Assert.Equal("0", await UserIdAsync(session));
        Assert.Equal("halbpw", (await session.ReadAsync("read login user", "echo $SUDO_USER", None)).StandardOutput.Trim());
    }

    [Fact]
    public async Task A_wrong_login_password_is_refused_and_not_tried_again()
    {
        var settings = LabSshNodes.PasswordSudoUser with { PrivateKeyPath = null, PasswordEnv = LabSecretsEnvironment.LoginPasswordVariable };
        var connector = new SshHostConnector(new SshConnectorOptions
        {
            Environment = new LabSecretsEnvironment { Variables = { [LabSecretsEnvironment.LoginPasswordVariable] = "wrong-login-pw-17" } },
        });

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => connector.ConnectAsync(LabSshNodes.Node("lb2", settings), None));

        Assert.StartsWith($"lb2: login as halbpw failed, offered password from env {LabSecretsEnvironment.LoginPasswordVariable}: Permission denied", fault.Message);
        Assert.DoesNotContain("wrong-login-pw-17", fault.ToString());
    }

    [Fact]
    public async Task A_key_protected_by_a_passphrase_works_with_its_passphrase()
    {
        var settings = LabSshNodes.Root with { PrivateKeyPath = LabFacts.PassphraseKey, PrivateKeyPassphraseEnv = LabSecretsEnvironment.KeyPassphraseVariable };

        await using var session = await LabSshNodes.Connector().OpenAsync(LabSshNodes.Node("lb3", settings), None);

        Assert.Equal("0", await UserIdAsync(session));
    }

    [Fact]
    public async Task A_missing_passphrase_variable_is_named()
    {
        var settings = LabSshNodes.Root with { PrivateKeyPath = LabFacts.PassphraseKey, PrivateKeyPassphraseEnv = "HALB_TEST_NOT_SET" };

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() =>
            LabSshNodes.Connector().ConnectAsync(LabSshNodes.Node("lb1", settings), None));

        Assert.Contains("environment variable HALB_TEST_NOT_SET is not set", fault.Message);
    }
}
