using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

public sealed class SshKeyFingerprintTests
{
    [Theory]
    [InlineData(TestKeys.Ed25519A, TestKeys.Ed25519AFingerprint)]
    [InlineData(TestKeys.Ed25519B, TestKeys.Ed25519BFingerprint)]
    [InlineData(TestKeys.Rsa, TestKeys.RsaFingerprint)]
    [InlineData(TestKeys.Ecdsa, TestKeys.EcdsaFingerprint)]
    public void The_fingerprint_is_the_one_ssh_keygen_printed(string key, string expected)
    {
        Assert.Equal(expected, SshKeyFingerprint.Sha256(TestKeys.Blob(key)));
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("rsa")]
    [InlineData("ecdsa")]
    public void The_fingerprint_of_a_fresh_key_equals_ssh_keygen_lf(string type)
    {
        using var dir = new TempDirectory();
        var path = dir.File("key");
        ExternalTool.Run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "test", "-f", path);
        var blob = Convert.FromBase64String(File.ReadAllText(path + ".pub").Split(' ')[1]);

        var expected = ExternalTool.Run("ssh-keygen", "-l", "-E", "sha256", "-f", path + ".pub").Split(' ')[1];

        Assert.Equal(expected, SshKeyFingerprint.Sha256(blob));
    }

    [Fact]
    public void The_key_type_is_read_from_inside_the_key()
    {
        Assert.Equal("ssh-rsa", SshPublicKeyBlob.TryReadKeyType(TestKeys.Blob(TestKeys.Rsa)));
        Assert.Equal("ecdsa-sha2-nistp256", SshPublicKeyBlob.TryReadKeyType(TestKeys.Blob(TestKeys.Ecdsa)));
        Assert.Null(SshPublicKeyBlob.TryReadKeyType([0, 0, 0]));
        Assert.Null(SshPublicKeyBlob.TryReadKeyType([0, 0, 0, 9, 65]));
    }

    [Fact]
    public void Fingerprints_compare_equal_with_or_without_prefix_and_padding()
    {
        Assert.True(SshKeyFingerprint.AreEqual(TestKeys.Ed25519AFingerprint, TestKeys.Ed25519AFingerprint[7..] + "="));
        Assert.False(SshKeyFingerprint.AreEqual(TestKeys.Ed25519AFingerprint, TestKeys.Ed25519BFingerprint));
    }
}
