using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

public sealed class KnownHostsFileTests
{
    private static KnownHostsFile Parse(string text) => KnownHostsFile.Parse(text, "/test/known_hosts");

    [Fact]
    public void A_plain_line_names_its_host_with_its_key_type_and_key()
    {
        var file = Parse($"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A} comment here\n");

        var entry = Assert.Single(file.EntriesFor("10.0.0.5", 22));
        Assert.Equal("ssh-ed25519", entry.KeyType);
        Assert.Equal(TestKeys.Blob(TestKeys.Ed25519A), entry.KeyBlob);
        Assert.Equal(TestKeys.Ed25519AFingerprint, entry.Fingerprint);
        Assert.Equal(1, entry.LineNumber);
        Assert.Equal(KnownHostMarker.None, entry.Marker);
    }

    [Fact]
    public void A_comma_list_names_every_host_in_it_and_no_other()
    {
        var file = Parse($"lb1.example,10.0.0.5,10.0.0.7 ssh-ed25519 {TestKeys.Ed25519A}");

        Assert.Single(file.EntriesFor("10.0.0.5", 22));
        Assert.Single(file.EntriesFor("10.0.0.7", 22));
        Assert.Single(file.EntriesFor("LB1.example", 22));
        Assert.Empty(file.EntriesFor("10.0.0.6", 22));
        Assert.Empty(file.EntriesFor("10.0.0.50", 22));
    }

    [Fact]
    public void A_bracketed_host_and_port_names_only_that_port()
    {
        var file = Parse($"[10.0.0.5]:2222 ssh-ed25519 {TestKeys.Ed25519A}");

        Assert.Single(file.EntriesFor("10.0.0.5", 2222));
        Assert.Empty(file.EntriesFor("10.0.0.5", 22));
        Assert.Empty(file.EntriesFor("10.0.0.5", 2223));
    }

    [Fact]
    public void A_plain_host_does_not_name_the_host_on_another_port()
    {
        var file = Parse($"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}");

        Assert.Empty(file.EntriesFor("10.0.0.5", 2222));
    }

    [Fact]
    public void Wildcards_match_and_a_negated_pattern_wins_over_them()
    {
        var file = Parse($"10.0.0.*,!10.0.0.9 ssh-ed25519 {TestKeys.Ed25519A}\n10.0.1.? ssh-ed25519 {TestKeys.Ed25519B}");

        Assert.Single(file.EntriesFor("10.0.0.5", 22));
        Assert.Empty(file.EntriesFor("10.0.0.9", 22));
        Assert.Single(file.EntriesFor("10.0.1.3", 22));
        Assert.Empty(file.EntriesFor("10.0.1.33", 22));
    }

    [Fact]
    public void A_hashed_line_from_ssh_keygen_matches_its_host_and_no_other()
    {
        var file = Parse(TestKeys.HashedLineFor10005 + "\n" + TestKeys.HashedLineFor10006Port2222 + "\n");

        var entry = Assert.Single(file.EntriesFor("10.0.0.5", 22));
        Assert.True(entry.IsHashed);
        Assert.Equal(1, entry.LineNumber);
        Assert.Empty(file.EntriesFor("10.0.0.6", 22));
        Assert.Equal(2, Assert.Single(file.EntriesFor("10.0.0.6", 2222)).LineNumber);
    }

    [Fact]
    public void A_line_hashed_by_ssh_keygen_now_is_matched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, $"10.9.8.7 ssh-ed25519 {TestKeys.Ed25519B}\n[10.9.8.7]:2200 ssh-ed25519 {TestKeys.Ed25519A}\n");
        ExternalTool.Run("ssh-keygen", "-H", "-f", path);

        var file = KnownHostsFile.Load(path);

        Assert.All(file.Entries, e => Assert.True(e.IsHashed));
        Assert.Equal(TestKeys.Ed25519BFingerprint, Assert.Single(file.EntriesFor("10.9.8.7", 22)).Fingerprint);
        Assert.Equal(TestKeys.Ed25519AFingerprint, Assert.Single(file.EntriesFor("10.9.8.7", 2200)).Fingerprint);
        Assert.Empty(file.EntriesFor("10.9.8.6", 22));
    }

    [Fact]
    public void Our_hash_of_a_host_name_is_the_one_ssh_keygen_wrote()
    {
        var salt = Convert.FromBase64String("qFmppCYzUaFjToLSmhzjKaORzwI=");

        Assert.Equal("|1|qFmppCYzUaFjToLSmhzjKaORzwI=|jZy7ZOIN3qgrEshejMdXh1YcO7g=", KnownHostName.Hash("10.0.0.5", 22, salt));
    }

    [Fact]
    public void Every_supported_key_type_is_read()
    {
        var file = Parse($"a ssh-ed25519 {TestKeys.Ed25519A}\nb ssh-rsa {TestKeys.Rsa}\nc ecdsa-sha2-nistp256 {TestKeys.Ecdsa}\n");

        Assert.Equal(["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256"], file.Entries.Select(e => e.KeyType));
        Assert.Empty(file.Notes);
    }

    [Fact]
    public void Comments_and_blank_lines_are_ignored_but_counted_in_line_numbers()
    {
        var file = Parse($"# a comment\n\n   \n10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}\r\n");

        Assert.Equal(4, Assert.Single(file.Entries).LineNumber);
        Assert.Empty(file.Notes);
    }

    [Fact]
    public void A_revoked_line_is_kept_and_marked_revoked()
    {
        var file = Parse($"@revoked * ssh-ed25519 {TestKeys.Ed25519A}");

        Assert.Equal(KnownHostMarker.Revoked, Assert.Single(file.EntriesFor("10.0.0.5", 22)).Marker);
    }

    [Fact]
    public void A_cert_authority_line_is_read_as_a_CA_for_the_hosts_it_names()
    {
        var file = Parse($"@cert-authority 10.0.0.* ssh-ed25519 {TestKeys.Ed25519A}");

        Assert.Empty(file.Notes);
        Assert.Equal(KnownHostMarker.CertAuthority, Assert.Single(file.EntriesFor("10.0.0.5", 22)).Marker);
        Assert.Empty(file.EntriesFor("10.0.1.5", 22));
    }

    [Theory]
    [InlineData("10.0.0.5 ssh-ed25519", "expected 'hosts key-type base64-key'")]
    [InlineData("10.0.0.5 ssh-ed25519 not*base64", "not valid base64")]
    [InlineData("10.0.0.5 ssh-rsa " + TestKeys.Ed25519A, "the key says it is ssh-ed25519 but the line says ssh-rsa")]
    [InlineData("|1|short|hash ssh-ed25519 " + TestKeys.Ed25519A, "malformed hashed host name")]
    public void A_malformed_line_is_skipped_with_a_note_that_says_why(string line, string reason)
    {
        var file = Parse("# header\n" + line + "\n");

        Assert.Empty(file.Entries);
        var note = Assert.Single(file.Notes);
        Assert.StartsWith("line 2: ", note);
        Assert.Contains(reason, note);
    }

    [Fact]
    public void A_file_that_does_not_exist_yet_is_empty()
    {
        using var dir = new TempDirectory();

        var file = KnownHostsFile.Load(dir.File("missing/known_hosts"));

        Assert.Empty(file.Entries);
    }
}
