using HaLbDeploy.Core.SshConfig;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.SshConfig;

public sealed class SshConfigParserTests
{
    private const string Config = "/home/tester/.ssh/config";
    private readonly FakeInventoryEnvironment environment = new();

    private SshConfigDocument Parse(string text, bool mustExist = false)
    {
        environment.Files[Config] = text;
        return new SshConfigParser(environment).Parse(Config, mustExist);
    }

    private static SshConfigHostSettings For(SshConfigDocument document, string address, string name = "lb1") => document.Resolve([address, name]);

    [Fact]
    public void The_first_value_of_a_matching_block_wins_and_later_blocks_fill_in_the_rest()
    {
        var document = Parse("""
            Host 10.211.0.11
                User halb
            Host 10.211.0.*
                User other
                Port 2222
            Host *
                IdentityFile ~/.ssh/lab
            """);

        var settings = For(document, "10.211.0.11");

        Assert.Equal("halb", settings.Value("user"));
        Assert.Equal("2222", settings.Value("port"));
        Assert.Equal("~/.ssh/lab", settings.Value("identityfile"));
        Assert.Equal(new SshConfigOrigin(Config, 2), settings["user"]!.Origin);
        Assert.Equal("other", For(document, "10.211.0.12", "lb2").Value("user"));
        Assert.True(For(document, "192.0.2.1", "x")["user"] is null);
    }

    [Fact]
    public void Keywords_are_read_in_any_case_with_an_equals_sign_quotes_and_comments()
    {
        var document = Parse("# a comment\n\n  hOsTnAmE=10.0.0.5\nIDENTITYFILE \"/keys/my key\"\r\nport = 2200\n");

        var settings = For(document, "anything");

        Assert.Equal("10.0.0.5", settings.Value("hostname"));
        Assert.Equal("/keys/my key", settings.Value("identityfile"));
        Assert.Equal("2200", settings.Value("port"));
        Assert.Empty(document.Notes);
    }

    [Fact]
    public void A_Match_block_is_skipped_with_a_warning_naming_its_file_and_line()
    {
        var document = Parse("""
            Host *
                Port 2201
            Match host 10.211.0.11
                User matched
            Host lb1
                User halb
            """);

        var note = Assert.Single(document.Notes);
        Assert.Equal(new SshConfigOrigin(Config, 3), note.Origin);
        Assert.Contains("Match blocks are not supported", note.Message);
        Assert.False(note.IsError);
        Assert.Equal("halb", For(document, "10.211.0.11").Value("user"));
    }

    [Fact]
    public void Include_reads_matching_files_in_order_in_place_and_relative_to_the_ssh_directory()
    {
        environment.Files["/home/tester/.ssh/config.d/20-lab"] = "Host 10.211.0.*\n  User from-20\n  Port 2020\n";
        environment.Files["/home/tester/.ssh/config.d/10-lab"] = "Host 10.211.0.*\n  User from-10\n";
        environment.Files["/home/tester/.ssh/config.d/other.txt"] = "User never\n";
        var document = Parse("Include config.d/*-lab\nHost *\n  Port 22\n");

        var settings = For(document, "10.211.0.11");

        Assert.Equal("from-10", settings.Value("user"));
        Assert.Equal("2020", settings.Value("port"));
        Assert.Equal(new SshConfigOrigin("/home/tester/.ssh/config.d/10-lab", 2), settings["user"]!.Origin);
    }

    [Fact]
    public void An_Include_inside_a_Host_block_applies_only_to_that_host_and_the_block_goes_on_after_it()
    {
        environment.Files["/etc/halb/common"] = "User included\n";
        var document = Parse("Host lb1\n  Include /etc/halb/common\n  Port 2001\n");

        Assert.Equal("included", For(document, "10.0.0.1", "lb1").Value("user"));
        Assert.Equal("2001", For(document, "10.0.0.1", "lb1").Value("port"));
        Assert.True(For(document, "10.0.0.2", "lb2").IsEmpty);
    }

    [Fact]
    public void An_Include_loop_stops_at_16_files_deep_with_an_error()
    {
        var document = Parse("Include ~/.ssh/config\nUser me\n");

        var note = Assert.Single(document.Notes, n => n.IsError);
        Assert.Contains("nested deeper than 16", note.Message);
        Assert.Equal("me", For(document, "x").Value("user"));
    }

    [Fact]
    public void A_missing_default_file_is_no_config_but_a_missing_named_one_is_an_error()
    {
        var parser = new SshConfigParser(environment);

        Assert.Empty(parser.Parse("/home/tester/.ssh/none-here", mustExist: false).Notes);
        var note = Assert.Single(parser.Parse("/home/tester/.ssh/none-here", mustExist: true).Notes);
        Assert.True(note.IsError);
        Assert.Contains("there is no such ssh_config file", note.Message);
    }

    [Fact]
    public void A_file_larger_than_1_MiB_is_refused_unread()
    {
        var note = Assert.Single(Parse(new string('#', SshConfigParser.MaxFileBytes + 1)).Notes);

        Assert.True(note.IsError);
        Assert.Contains("more than 1048576", note.Message);
    }

    [Fact]
    public void An_unclosed_quote_skips_its_line_with_a_warning()
    {
        var document = Parse("User \"halb\nPort 2222\n");

        Assert.Contains("unclosed quote", Assert.Single(document.Notes).Message);
        Assert.Null(For(document, "x").Value("user"));
        Assert.Equal("2222", For(document, "x").Value("port"));
    }
}
