using HaLbDeploy.Ssh.Agent;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.Agent;

/// <summary>The agent messages as bytes on the wire (draft-miller-ssh-agent), pinned in hex.</summary>
public sealed class SshAgentProtocolTests
{
    [Fact]
    public void Listing_the_keys_is_the_single_byte_11()
    {
        Assert.Equal("0B", Convert.ToHexString(SshAgentProtocol.EncodeRequestIdentities()));
    }

    [Theory]
    [InlineData(SshAgentSignFlags.None, "00000000")]
    [InlineData(SshAgentSignFlags.RsaSha2256, "00000002")]
    [InlineData(SshAgentSignFlags.RsaSha2512, "00000004")]
    public void A_sign_request_is_type_13_then_the_key_the_data_and_the_flags(SshAgentSignFlags flags, string flagHex)
    {
        var request = SshAgentProtocol.EncodeSignRequest([0xAA, 0xBB], [0x01, 0x02, 0x03], flags);

        Assert.Equal("0D" + "00000002AABB" + "00000003010203" + flagHex, Convert.ToHexString(request));
    }

    [Fact]
    public void An_identities_answer_gives_each_key_with_its_comment_type_and_fingerprint()
    {
        var blob = TestKeys.Blob(TestKeys.Ed25519A);
        var answer = new SshWireWriter().Byte(12).UInt32(2).String(blob).String("me@laptop").String(TestKeys.Blob(TestKeys.Rsa)).String("").ToArray();

        var identities = SshAgentProtocol.DecodeIdentitiesAnswer(answer);

        Assert.Equal(2, identities.Count);
        Assert.Equal("ssh-ed25519", identities[0].KeyType);
        Assert.Equal(TestKeys.Ed25519AFingerprint, identities[0].Fingerprint);
        Assert.Equal("me@laptop", identities[0].Comment);
        Assert.Equal("ssh-rsa", identities[1].KeyType);
    }

    [Fact]
    public void An_empty_agent_answers_zero_keys()
    {
        Assert.Empty(SshAgentProtocol.DecodeIdentitiesAnswer(Convert.FromHexString("0C00000000")));
    }

    [Theory]
    [InlineData("05", "refused to list its keys")]
    [InlineData("1C", "refused to list its keys")]
    [InlineData("", "empty message")]
    [InlineData("0E", "message type 14 where 12 was expected")]
    [InlineData("0C000000", "ended where a uint32 was expected")]
    [InlineData("0C00000001000000FF", "a string of 255 bytes, but only 0 left")]
    [InlineData("0C0000000100000000", "ended where a uint32 was expected")]
    [InlineData("0C0000000000", "bytes after its end")]
    [InlineData("0C7FFFFFFF", "more than 2048")]
    public void A_short_lying_or_refusing_answer_is_a_protocol_error_never_an_overrun(string hex, string expected)
    {
        var fault = Assert.Throws<SshAgentProtocolException>(() => SshAgentProtocol.DecodeIdentitiesAnswer(Convert.FromHexString(hex)));

        Assert.Contains(expected, fault.Message);
    }

    [Fact]
    public void A_sign_response_gives_the_signature_blob_with_its_format()
    {
        var signature = new SshWireWriter().String("rsa-sha2-512").String([9, 9]).ToArray();
        var response = new SshWireWriter().Byte(14).String(signature).ToArray();

        var decoded = SshAgentProtocol.DecodeSignResponse(response);

        Assert.Equal(signature, decoded);
        Assert.Equal("rsa-sha2-512", SshAgentProtocol.SignatureFormat(decoded));
    }

    [Fact]
    public void A_refused_signature_says_so()
    {
        var fault = Assert.Throws<SshAgentProtocolException>(() => SshAgentProtocol.DecodeSignResponse([5]));

        Assert.Contains("refused to sign", fault.Message);
    }

    [Theory]
    [InlineData("ssh-rsa", "rsa-sha2-512,rsa-sha2-256")]
    [InlineData("ssh-ed25519", "ssh-ed25519")]
    [InlineData("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256")]
    [InlineData("ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384")]
    [InlineData("ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521")]
    [InlineData("ssh-dss", "")]
    public void Each_key_type_signs_with_its_algorithms_and_rsa_never_with_sha1(string keyType, string algorithms)
    {
        Assert.Equal(algorithms, string.Join(",", SshAgentClient.AlgorithmsFor(keyType)));
    }

    [Theory]
    [InlineData("rsa-sha2-256", SshAgentSignFlags.RsaSha2256)]
    [InlineData("rsa-sha2-512", SshAgentSignFlags.RsaSha2512)]
    [InlineData("ssh-ed25519", SshAgentSignFlags.None)]
    [InlineData("ecdsa-sha2-nistp256", SshAgentSignFlags.None)]
    public void Rsa_signatures_ask_for_sha2_by_flag(string algorithm, SshAgentSignFlags flags)
    {
        Assert.Equal(flags, SshAgentClient.FlagsFor(algorithm));
    }
}
