using HaLbDeploy.Ssh.HostKeys;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

public sealed class HostKeyAlgorithmPreferenceTests
{
    private static readonly string[] Offered =
    [
        "ssh-ed25519-cert-v01@openssh.com", "ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa",
    ];

    [Fact]
    public void Algorithms_for_key_types_known_for_the_host_come_first()
    {
        var ordered = HostKeyAlgorithmPreference.Order(Offered, ["ssh-rsa"]);

        Assert.Equal(["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256"], ordered);
    }

    [Fact]
    public void Without_known_keys_the_order_stays_and_certificates_are_dropped()
    {
        var ordered = HostKeyAlgorithmPreference.Order(Offered, []);

        Assert.Equal(["ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"], ordered);
    }

    [Fact]
    public void With_a_cert_authority_for_the_host_the_certificate_algorithms_come_first()
    {
        var ordered = HostKeyAlgorithmPreference.Order(Offered, ["ssh-rsa"], certificateAuthorityKnown: true);

        Assert.Equal(["ssh-ed25519-cert-v01@openssh.com", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256"], ordered);
    }
}
