using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Tests.Validation;

/// <summary>
/// Input written to leak, confuse or exhaust: secrets where an error would echo them, escape sequences, broken bytes,
/// thousands of bad entries. Each gives located errors that show nothing they must not.
/// </summary>
public sealed class HostileInventoryTests
{
    public static TheoryData<string, string, string, int, int, string> SecretsWrittenWhereAnErrorWouldEchoThem => new()
    {
        // name, find, replace (the secret is Pa55wd or hunter22), line, column, code of the error there
        { "the secret written as an alias", "secret_env: HALB_VRRP_SECRET", "secret: *Pa55wd", 10, 13, "yaml-undefined-alias" },
        { "the secret written as the auth section itself", "  auth:\n    secret_env: HALB_VRRP_SECRET", "  auth: hunter22", 9, 9, "not-a-section" },
        { "the secret written as a tag", "secret_env: HALB_VRRP_SECRET", "secret: !Pa55wd x", 10, 13, "yaml-tag" },
        { "the secret written as a verbatim tag", "secret_env: HALB_VRRP_SECRET", "secret: !<tag:Pa55wd> x", 10, 13, "yaml-tag" },
        { "the secret written as a variable that is not set", "secret_env: HALB_VRRP_SECRET", "secret_env: Pa55wd", 10, 17, "bad-value" },
        { "the secret written as a variable name that is no name", "secret_env: HALB_VRRP_SECRET", "secret_env: 'Pa55wd!'", 10, 17, "bad-value" },
        { "the secret written as the secret file", "secret_env: HALB_VRRP_SECRET", "secret_file: hunter22", 10, 18, "bad-value" },
        { "the secret written as a key", "secret_env: HALB_VRRP_SECRET", "hunter22: x\n    secret_env: HALB_VRRP_SECRET", 10, 5, "unknown-key" },
        { "the secret written as a key twice", "secret_env: HALB_VRRP_SECRET", "hunter22: x\n    hunter22: y", 11, 5, "yaml-syntax" },
        { "the secret written as a list", "secret_env: HALB_VRRP_SECRET", "secret: [hunter22]", 10, 13, "not-a-value" },
        { "the secret written as an anchor used before it is defined", "  port: 22", "  port: *Pa55wd\n  known_hosts: &Pa55wd x", 15, 9, "yaml-undefined-alias" },
    };

    [Theory]
    [MemberData(nameof(SecretsWrittenWhereAnErrorWouldEchoThem))]
    public void A_secret_written_as_an_alias_a_tag_or_anything_under_auth_is_never_shown(string name, string find, string replace, int line, int column, string code)
    {
        var result = Inventories.Load(Inventories.ValidWith(find, replace));

        Assert.True(result.Errors.Any(e => (e.Line, e.Column, e.Code) == (line, column, code)), $"{name}: no {code} at {line}:{column} in\n{string.Join('\n', result.Problems)}");
        foreach (var problem in result.Problems)
        {
            Assert.DoesNotContain("Pa55wd", problem.ToString());
            Assert.DoesNotContain("hunter22", problem.ToString());
        }
    }

    [Fact]
    public void Escape_sequences_and_line_breaks_in_the_input_are_shown_escaped_never_raw()
    {
        var yaml = Inventories.ValidWith("cluster: prod", "cluster: \"pr\\e[2J\\nod\\u202e\"").Replace("advert_int: 1", "advert_int: 1\n\u001b[31mvip: 1");

        var problems = Inventories.Load(yaml).Problems;

        Assert.Contains(problems, p => p.Message.Contains(@"'pr\x1b[2J\nod\u202e' is not a valid name"));
        Assert.Contains(problems, p => p.Message == @"unknown key '\x1b[31mvip'" && p.Field == @"\x1b[31mvip");
        Assert.All(problems, p => Assert.DoesNotContain(p.ToString(), c => char.IsControl(c) || c == '\u202e'));
    }

    [Fact]
    public void A_value_of_a_hundred_thousand_characters_is_shown_cut_short()
    {
        var error = Assert.Single(Inventories.Load(Inventories.ValidWith("name: lb1", "name: " + new string('x', 100_000))).Errors);

        Assert.Equal(("bad-name", 17, 11), (error.Code, error.Line, error.Column));
        Assert.True(error.ToString().Length < 400, $"the error line has {error.ToString().Length} characters");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_at_the_line_and_column_of_the_bad_byte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("cluster: prod\nvip: é"), 0xFF, .. "\n"u8];

        var error = Assert.Single(new InventoryLoader(new FakeInventoryEnvironment()).LoadBytes(bytes, "inv.yaml", "/inv").Errors);

        Assert.Equal(("not-utf8", 2, 7), (error.Code, error.Line, error.Column));
        Assert.Contains("bad byte 0xff at offset 21", error.Message);
    }

    [Fact]
    public void A_utf8_sequence_cut_off_at_the_end_is_reported_where_it_starts()
    {
        byte[] bytes = [.. "cluster: prod\nvip: "u8, 0xE2, 0x82];

        var error = Assert.Single(new InventoryLoader(new FakeInventoryEnvironment()).LoadBytes(bytes, "inv.yaml", "/inv").Errors);

        Assert.Equal(("not-utf8", 2, 6), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void A_nul_byte_is_reported_where_it_is()
    {
        var error = Assert.Single(new InventoryLoader(new FakeInventoryEnvironment()).LoadBytes("cluster: prod\nvip: \0"u8.ToArray(), "inv.yaml", "/inv").Errors);

        Assert.Equal(("binary-file", 2, 6), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void A_bracket_left_open_at_the_end_of_the_file_is_reported_where_it_opens()
    {
        var error = Assert.Single(Inventories.Load(Inventories.Valid + "\nfrontend: {port: 6443").Errors);

        Assert.Equal(("yaml-syntax", 30, 11), (error.Code, error.Line, error.Column));
        Assert.Equal("this `{` is never closed", error.Message);
    }

    [Fact]
    public void An_unclosed_bracket_followed_by_more_keys_is_reported_where_it_opens()
    {
        var error = Assert.Single(Inventories.Load("cluster: x\nnodes: [a, b\nfoo: 1").Errors);

        Assert.Equal(("yaml-syntax", 2, 8), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void An_advert_interval_that_vrrp_version_3_cannot_carry_is_refused()
    {
        var strict = Inventories.ValidWith("  mode: unicast", "  mode: multicast\n  strict: true\n  accept: true").Replace("  auth:\n    secret_env: HALB_VRRP_SECRET\n", "");

        var error = Assert.Single(Inventories.Load(strict.Replace("advert_int: 1", "advert_int: 41")).Errors);

        Assert.Equal(("out-of-range", "advert_int", 5, 13), (error.Code, error.Field, error.Line, error.Column));
        Assert.Contains("40.95 s", error.Message);
        Assert.Empty(Inventories.Load(strict.Replace("advert_int: 1", "advert_int: 40")).Errors);
        Assert.Empty(Inventories.Load(Inventories.ValidWith("advert_int: 1", "advert_int: 41")).Errors);
    }

    [Fact]
    public void A_zero_connect_timeout_is_one_error_where_it_is_written_not_one_more_per_node_that_inherits_it()
    {
        var yaml = Inventories.ValidWith("  port: 22", "  port: 22\n  connect_timeout: 0s").Replace("    priority: 90", "    priority: 90\n    ssh:\n      port: 2222");

        var error = Assert.Single(Inventories.Load(yaml).Errors);

        Assert.Equal(("out-of-range", "ssh.connect_timeout", 16, 20), (error.Code, error.Field, error.Line, error.Column));
    }

    [Fact]
    public void The_longest_durations_haproxy_accepts_still_load()
    {
        var yaml = Inventories.Valid + "\ntimeouts:\n  connect: 2147483647ms\n  client: 596h\nhealth_check:\n  interval: 2147483647ms";

        Assert.Empty(Inventories.Load(yaml).Errors);
        Assert.Equal("out-of-range", Assert.Single(Inventories.Load(yaml.Replace("2147483647ms\n", "2147483648ms\n")).Errors).Code);
    }

    [Fact]
    public void The_vip_may_be_the_first_or_last_address_of_a_slash_31()
    {
        var yaml = Inventories.ValidWith("vip: 10.0.0.100/24", "vip: 10.0.0.0/31").Replace("10.0.0.11", "10.0.0.1").Replace("address: 10.0.0.12", "address: 10.0.0.1");

        Assert.DoesNotContain(Inventories.Load(yaml).Errors, e => e.Code.StartsWith("vip-is-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_thousand_bad_entries_give_a_bounded_list_of_problems_without_taking_quadratic_time()
    {
        var yaml = Inventories.ValidWith("  - name: lb1", string.Concat(Enumerable.Repeat("  - {}\n", 50_000)) + "  - name: lb1");

        // Each empty node lacks name, address and priority; every rule used to scan every problem before adding one.
        var load = Task.Run(() => Inventories.Load(yaml));

        Assert.True(await Task.WhenAny(load, Task.Delay(TimeSpan.FromMinutes(2))) == load, "loading 50,000 bad nodes did not finish");
        var result = await load;
        Assert.Equal(ProblemCollector.MaxProblems + 1, result.Problems.Count);
        Assert.Equal("too-many-problems", result.Problems[^1].Code);
        Assert.Null(result.Inventory);
    }
}
