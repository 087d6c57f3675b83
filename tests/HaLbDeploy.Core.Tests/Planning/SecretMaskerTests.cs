using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Tests.Planning;

public sealed class SecretMaskerTests
{
    private static SecretMasker For(string secret) => SecretMasker.For(PlanningFixtures.WithSecret(secret));

    [Theory]
    [InlineData("auth_pass \"ab cdefg\"", "auth_pass ********")]
    [InlineData("    auth_pass ab cdefg", "    auth_pass ********")]
    [InlineData("auth_pass\t\"x\" # the old one was y", "auth_pass\t********")]
    [InlineData("authentication { auth_type PASS auth_pass s3cr et }", "authentication { auth_type PASS auth_pass ********")]
    [InlineData("auth_pass\"glued\"", "auth_pass ********")]
    [InlineData("auth_pass \"a\"\r\nnext", "auth_pass ********\r\nnext")]
    public void A_configuration_loses_the_whole_rest_of_each_auth_pass_line(string config, string masked) =>
        Assert.Equal(masked, For("k8sVip01").MaskConfiguration(config));

    [Theory]
    [InlineData("my_auth_pass secret")]
    [InlineData("auth_password secret")]
    [InlineData("    auth_pass   \nnext")]
    [InlineData("router_id k8sVip01")]
    public void A_configuration_keeps_everything_that_is_no_auth_pass_value(string config) =>
        Assert.Equal(config, For("k8sVip01").MaskConfiguration(config));

    [Fact]
    public void A_configuration_keeps_a_word_that_happens_to_be_the_secret()
    {
        const string config = "vrrp_script chk_haproxy {\n    auth_pass \"haproxy\"\n}\n";

        Assert.Equal("vrrp_script chk_haproxy {\n    auth_pass ********\n}\n", For("haproxy").MaskConfiguration(config));
    }

    [Theory]
    [InlineData("k8sVip01")]
    [InlineData("ab cdefg")]
    [InlineData("a.b*c(d)")]
    [InlineData("$1^[x]+?")]
    [InlineData("it's 'q'")]
    public void A_message_loses_each_occurrence_of_a_secret_no_vocabulary_holds(string secret)
    {
        var message = $"(/etc/keepalived/keepalived.conf.halb-new: Line 52) Unknown keyword '{secret}'; {secret}!";

        Assert.Equal("(/etc/keepalived/keepalived.conf.halb-new: Line 52) Unknown keyword '********'; ********!", For(secret).Mask(message));
    }

    [Theory]
    [InlineData("haproxy", "haproxy -c rejected /etc/haproxy/haproxy.cfg.halb-new")]
    [InlineData("eth0", "no such device eth0")]
    [InlineData("password", "sudo: a password is required")]
    [InlineData("denied", "Permission denied (publickey)")]
    [InlineData("a", "staging files failed: a disk is full")]
    public void A_message_keeps_a_secret_that_is_a_word_of_the_vocabulary_since_masking_it_would_name_it(string secret, string message) =>
        Assert.Equal(message, For(secret).Mask(message));

    [Fact]
    public void A_message_loses_an_auth_pass_value_by_structure_even_when_the_secret_is_a_common_word()
    {
        var masked = For("haproxy").Mask("keepalived -t: (Line 52) auth_pass haproxy too long\nhaproxy -c ok");

        Assert.Equal("keepalived -t: (Line 52) auth_pass ********\nhaproxy -c ok", masked);
    }

    [Fact]
    public void A_masker_without_a_secret_masks_auth_pass_lines_only() =>
        Assert.Equal("auth_pass ******** k8sVip01", new SecretMasker([]).Mask("auth_pass \"old\"\nk8sVip01").Replace('\n', ' '));
}
