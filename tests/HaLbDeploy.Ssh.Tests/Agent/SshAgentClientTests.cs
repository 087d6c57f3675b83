using HaLbDeploy.Ssh.Agent;
using HaLbDeploy.Ssh.Tests.TestSupport;
using Renci.SshNet;
using Renci.SshNet.Security;

namespace HaLbDeploy.Ssh.Tests.Agent;

/// <summary>Our client against a real OpenSSH ssh-agent on a Unix socket (no network), signatures checked by SSH.NET.</summary>
public sealed class SshAgentClientTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly RunningSshAgent agent = new();

    public void Dispose()
    {
        agent.Dispose();
        dir.Dispose();
    }

    private string NewKey(string type, params string[] extra)
    {
        var path = dir.File($"id_{type}_{Guid.NewGuid():N}");
        ExternalTool.Run("ssh-keygen", ["-q", "-t", type, .. extra, "-N", "", "-C", "comment-" + type, "-f", path]);
        return path;
    }

    private SshAgentClient Client() => new(new UnixSocketAgentTransport(agent.SocketPath));

    [Fact]
    public void An_agent_without_keys_lists_none()
    {
        Assert.Empty(Client().ListIdentities());
    }

    [Fact]
    public void The_keys_added_with_ssh_add_are_listed_with_the_fingerprints_ssh_keygen_prints()
    {
        var ed = NewKey("ed25519");
        var rsa = NewKey("rsa", "-b", "2048");
        agent.Add(ed);
        agent.Add(rsa);

        var identities = Client().ListIdentities();

        Assert.Equal(["ssh-ed25519", "ssh-rsa"], identities.Select(i => i.KeyType));
        Assert.Contains(identities[0].Fingerprint, ExternalTool.Run("ssh-keygen", "-lf", ed + ".pub"));
        Assert.Equal("comment-ed25519", identities[0].Comment);
    }

    [Fact]
    public void An_ed25519_signature_from_the_agent_is_byte_for_byte_the_one_the_key_file_makes()
    {
        var path = NewKey("ed25519");
        agent.Add(path);
        var client = Client();
        var data = "session id and userauth request"u8.ToArray();

        var fromAgent = new SshAgentKey(client, client.ListIdentities()[0], "ssh-ed25519").Sign(data);
        var fromFile = new PrivateKeyFile(path).HostKeyAlgorithms.Single(a => a.Name == "ssh-ed25519").Sign(data);

        Assert.Equal(Convert.ToHexString(fromFile), Convert.ToHexString(fromAgent));
    }

    [Theory]
    [InlineData("ecdsa", "256", "ecdsa-sha2-nistp256")]
    [InlineData("ecdsa", "384", "ecdsa-sha2-nistp384")]
    [InlineData("ecdsa", "521", "ecdsa-sha2-nistp521")]
    [InlineData("rsa", "2048", "rsa-sha2-256")]
    [InlineData("rsa", "2048", "rsa-sha2-512")]
    public void Ecdsa_and_rsa_sha2_signatures_from_the_agent_verify_with_the_public_key(string type, string bits, string algorithm)
    {
        var path = NewKey(type, "-b", bits);
        agent.Add(path);
        var client = Client();
        var data = "data to sign"u8.ToArray();
        var key = new SshAgentKey(client, client.ListIdentities()[0], algorithm);

        var signature = key.Sign(data);

        Assert.Equal(algorithm, SshAgentProtocol.SignatureFormat(signature));
        var verifier = (KeyHostAlgorithm)new PrivateKeyFile(path).HostKeyAlgorithms.Single(a => a.Name == algorithm);
        Assert.True(verifier.VerifySignature(data, signature));
        Assert.False(verifier.VerifySignature("other data"u8.ToArray(), signature));
    }

    [Fact]
    public void A_passphrase_protected_key_added_through_askpass_is_held_unlocked_by_the_agent()
    {
        var path = dir.File("locked");
        ExternalTool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "correct horse", "-C", "locked", "-f", path);
        File.WriteAllText(dir.File("passphrase"), "correct horse");
        agent.Add(path, dir.File("passphrase"));
        var client = Client();

        var signature = new SshAgentKey(client, Assert.Single(client.ListIdentities()), "ssh-ed25519").Sign([1, 2, 3]);

        Assert.Equal("ssh-ed25519", SshAgentProtocol.SignatureFormat(signature));
    }

    [Fact]
    public void A_stopped_agent_is_unreachable_with_a_message_that_says_how_to_start_one()
    {
        agent.Stop();

        var fault = Assert.Throws<SshAgentUnreachableException>(() => Client().ListIdentities());

        Assert.Contains(agent.SocketPath, fault.Message);
        Assert.Contains("ssh-agent", fault.Message);
    }

    [Fact]
    public void A_key_the_agent_does_not_hold_is_refused_to_sign()
    {
        var client = Client();
        var stranger = new SshAgentIdentity(TestKeys.Blob(TestKeys.Ed25519A), "not in the agent");

        var fault = Assert.Throws<SshAgentProtocolException>(() => client.Sign(stranger, [1, 2, 3], "ssh-ed25519"));

        Assert.Contains("refused to sign", fault.Message);
    }
}
