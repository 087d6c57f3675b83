using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;
using Renci.SshNet;

namespace HaLbDeploy.Ssh.Tests;

public sealed class SshLoginBuilderTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly FakeEnvironment environment;

    public SshLoginBuilderTests() => environment = new FakeEnvironment(dir.Path);

    public void Dispose() => dir.Dispose();

    private string NewKey(string type, string passphrase = "")
    {
        var path = dir.File($"id_{type}_{Guid.NewGuid():N}");
        ExternalTool.Run("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "test", "-f", path);
        return path;
    }

    private static SshCredentials Credentials(string? password = null, string? passphrase = null) =>
        new(password is null ? null : new Secret(password, "env SSH_PW"), passphrase is null ? null : new Secret(passphrase, "env KEY_PP"), null);

    [Theory]
    [InlineData("ed25519")]
    [InlineData("rsa")]
    [InlineData("ecdsa")]
    public void A_private_key_of_each_usual_type_is_offered(string type)
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey(type) });

        var login = SshLoginBuilder.Build(node, Credentials(), environment);

        Assert.IsType<PrivateKeyAuthenticationMethod>(Assert.Single(login.Methods));
        Assert.StartsWith("public key ", login.Description);
    }

    [Fact]
    public void A_user_certificate_beside_the_key_is_offered_with_it()
    {
        var ca = NewKey("ed25519");
        var key = NewKey("ed25519");
        ExternalTool.Run("ssh-keygen", "-q", "-s", ca, "-I", "operator", "-n", "root", key + ".pub");
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = key });

        var login = SshLoginBuilder.Build(node, Credentials(), environment);

        Assert.Equal($"public key {key} with certificate {key}-cert.pub", login.Description);
        var file = Assert.IsType<PrivateKeyFile>(Assert.Single(Assert.IsType<PrivateKeyAuthenticationMethod>(Assert.Single(login.Methods)).KeyFiles));
        Assert.NotNull(file.Certificate);
        Assert.Contains(file.HostKeyAlgorithms, a => a.Name == "ssh-ed25519-cert-v01@openssh.com");
    }

    [Fact]
    public void A_configured_certificate_that_does_not_exist_is_named()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey("ed25519"), CertificatePath = dir.File("missing-cert.pub") });

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(node, Credentials(), environment));

        Assert.Contains("certificate " + dir.File("missing-cert.pub") + " does not exist", fault.Message);
    }

    [Fact]
    public void An_encrypted_key_is_opened_with_its_passphrase()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey("ed25519", "correct horse"), PrivateKeyPassphraseEnv = "KEY_PP" });

        var login = SshLoginBuilder.Build(node, Credentials(passphrase: "correct horse"), environment);

        Assert.Single(login.Methods);
    }

    [Fact]
    public void An_encrypted_key_without_a_passphrase_says_which_setting_is_missing()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey("ed25519", "correct horse") });

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(node, Credentials(), environment));

        Assert.Contains("is encrypted: name the environment variable holding its passphrase in ssh.private_key_passphrase_env", fault.Message);
    }

    [Fact]
    public void A_wrong_passphrase_is_reported_without_the_passphrase()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey("ed25519", "correct horse"), PrivateKeyPassphraseEnv = "KEY_PP" });

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(node, Credentials(passphrase: "battery staple"), environment));

        Assert.Contains("cannot be loaded (is the passphrase in env KEY_PP right?)", fault.Message);
        Assert.DoesNotContain("battery staple", fault.ToString());
    }

    [Fact]
    public void A_key_file_that_does_not_exist_is_named()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = dir.File("nope") });

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(node, Credentials(), environment));

        Assert.Equal($"lb1: private key {dir.File("nope")} does not exist; give ssh.private_key the key file itself", fault.Message);
    }

    [Fact]
    public void Key_and_password_are_offered_together_and_described_without_the_password()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey("ed25519"), PasswordEnv = "SSH_PW" });

        var login = SshLoginBuilder.Build(node, Credentials(password: "hunter22"), environment);

        Assert.Collection(login.Methods,
            m => Assert.IsType<PrivateKeyAuthenticationMethod>(m),
            m => Assert.IsType<PasswordAuthenticationMethod>(m),
            m => Assert.IsType<KeyboardInteractiveAuthenticationMethod>(m));
        Assert.EndsWith(" and password from env SSH_PW", login.Description);
        Assert.DoesNotContain("hunter22", login.Description);
    }

    [Fact]
    public void Without_key_or_password_the_default_key_in_home_ssh_is_used()
    {
        Directory.CreateDirectory(dir.File(".ssh"));
        ExternalTool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.File(".ssh/id_ed25519"));
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = null });

        var login = SshLoginBuilder.Build(node, Credentials(), environment);

        Assert.Equal($"public key {dir.File(".ssh/id_ed25519")}", login.Description);
    }

    [Fact]
    public void Without_any_way_to_log_in_the_connect_fails_saying_what_to_set()
    {
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = null });

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(node, Credentials(), environment));

        Assert.Contains("set ssh.private_key or ssh.password_env", fault.Message);
    }
}
