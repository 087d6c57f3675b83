using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests;

public sealed class SshCredentialReaderTests
{
    private readonly FakeEnvironment environment = new();

    [Fact]
    public void Every_named_secret_is_read_from_its_environment_variable_and_prints_as_a_mask()
    {
        environment.Variables["SSH_PW"] = "login-pw";
        environment.Variables["KEY_PP"] = "key-pp";
        environment.Variables["SUDO_PW"] = "sudo-pw";
        var node = TestNodes.Node(TestNodes.RootWithKey with
        {
            User = "halbpw", PasswordEnv = "SSH_PW", PrivateKeyPassphraseEnv = "KEY_PP", Become = true, BecomePasswordEnv = "SUDO_PW",
        });

        var credentials = SshCredentialReader.Read(node, environment);

        Assert.Equal("login-pw", credentials.Password!.Reveal());
        Assert.Equal("key-pp", credentials.PrivateKeyPassphrase!.Reveal());
        Assert.Equal("sudo-pw", credentials.BecomePassword!.Reveal());
        Assert.Equal("env SUDO_PW", credentials.BecomePassword.Origin);
        Assert.DoesNotContain("-pw", credentials.ToString());
        Assert.DoesNotContain("key-pp", credentials.ToString());
    }

    [Fact]
    public void A_missing_variable_fails_the_connect_naming_the_variable_and_the_field()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PasswordEnv = "HALB_SSH_PASSWORD" });

        var fault = Assert.Throws<HostConnectionException>(() => SshCredentialReader.Read(node, environment));

        Assert.Equal("lb1", fault.NodeName);
        Assert.StartsWith("lb1: environment variable HALB_SSH_PASSWORD is not set or empty; the inventory's ssh.password_env", fault.Message);
    }

    [Fact]
    public void An_empty_variable_counts_as_missing()
    {
        environment.Variables["SUDO_PW"] = "";
        var node = TestNodes.Node(TestNodes.RootWithKey with { User = "halbpw", Become = true, BecomePasswordEnv = "SUDO_PW" });

        var fault = Assert.Throws<HostConnectionException>(() => SshCredentialReader.Read(node, environment));

        Assert.Contains("SUDO_PW is not set or empty", fault.Message);
        Assert.Contains("ssh.become_password_env", fault.Message);
    }

    [Fact]
    public void A_sudo_password_is_not_read_when_the_node_does_not_become_root()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { Become = false, BecomePasswordEnv = "UNSET_VARIABLE" });

        Assert.Null(SshCredentialReader.Read(node, environment).BecomePassword);
    }

    [Theory]
    [InlineData("touch /tmp/PWNED\nsecond line")]
    [InlineData("pa55word\n")]
    [InlineData("pa55\rword")]
    public void A_sudo_password_with_a_line_break_is_refused_before_anything_connects_naming_the_variable_not_the_value(string password)
    {
        environment.Variables["SUDO_PW"] = password;
        var node = TestNodes.Node(TestNodes.RootWithKey with { User = "halbpw", Become = true, BecomePasswordEnv = "SUDO_PW" });

        var fault = Assert.Throws<HostConnectionException>(() => SshCredentialReader.Read(node, environment));

        Assert.Equal("lb1: environment variable SUDO_PW (ssh.become_password_env) holds a line break: sudo reads a password only up to the first one, " +
                     "so halb-deploy refuses it and sent nothing to the node. Set it to the password alone, on one line", fault.Message);
        Assert.DoesNotContain("PWNED", fault.ToString());
        Assert.DoesNotContain("pa55", fault.ToString());
    }
}
